using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Errors;

/// <summary>
/// A failed Kubernetes <c>Status</c>: the body of every error the simulated API server returns.
/// </summary>
/// <param name="Code">The HTTP status code, also written into the body.</param>
/// <param name="Reason">The machine-readable reason, e.g. <c>NotFound</c>, <c>Conflict</c>.</param>
/// <param name="Message">The human-readable message, worded as the real API server words it.</param>
public sealed record ApiStatus(int Code, string Reason, string Message)
{
    /// <summary>The name of the object the error is about, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The API group of the object the error is about ("" for core).</summary>
    public string? Group { get; init; }

    /// <summary>The resource (plural) or kind the error is about.</summary>
    public string? Kind { get; init; }

    /// <summary>Seconds the client should wait before retrying, for 429 and 5xx answers.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Field-level causes, for <c>Invalid</c> answers.</summary>
    public IReadOnlyList<ApiStatusCause> Causes { get; init; } = [];

    /// <summary>Builds the <c>Status</c> object exactly as Kubernetes serialises it.</summary>
    public JsonObject ToJson()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        var details = new JsonObject();
        if (Name is not null)
        {
            details["name"] = Name;
        }

        if (!string.IsNullOrEmpty(Group))
        {
            details["group"] = Group;
        }

        if (Kind is not null)
        {
            details["kind"] = Kind;
        }

        if (Causes.Count > 0)
        {
            details["causes"] = new JsonArray([.. Causes.Select(c => (JsonNode)c.ToJson())]);
        }

        if (RetryAfterSeconds is { } retry)
        {
            details["retryAfterSeconds"] = retry;
        }

        if (details.Count > 0)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }
}
