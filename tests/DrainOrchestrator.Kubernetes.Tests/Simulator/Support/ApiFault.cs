using System.Globalization;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>One rule of the simulator's <c>/sim/v1/faults</c> API: which requests it hits and what it does to them.</summary>
/// <param name="Resource">The plural resource, e.g. <c>leases</c>.</param>
/// <param name="Verb">The verb (get, list, watch, create, update, patch, delete), or <c>*</c>.</param>
public sealed record ApiFault(string Resource, string Verb = "*")
{
    /// <summary>The fraction of requests answered 500 InternalError (with Retry-After: 1).</summary>
    public double ErrorRate { get; init; }

    /// <summary>The fraction of requests answered 429 TooManyRequests.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>The Retry-After of the 429 answers.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How long each request waits before it is served.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>When set, watch streams are cut after this long.</summary>
    public TimeSpan? DropWatchAfter { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["resource"] = Resource, ["verb"] = Verb, ["errorRate"] = ErrorRate, ["throttleRate"] = ThrottleRate };
        AddDuration(json, "retryAfter", RetryAfter);
        AddDuration(json, "delay", Delay);
        AddDuration(json, "dropWatchAfter", DropWatchAfter);
        return json;
    }

    private static void AddDuration(JsonObject json, string name, TimeSpan? value)
    {
        if (value is { } duration)
        {
            json[name] = string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMilliseconds}ms");
        }
    }
}
