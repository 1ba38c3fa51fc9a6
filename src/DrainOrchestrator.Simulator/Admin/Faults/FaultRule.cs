using System.Globalization;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Admin.Faults;

/// <summary>
/// An API fault for requests of one resource and verb (<c>*</c> for any): a rate of 500 InternalError answers, a rate
/// of 429 TooManyRequests answers with Retry-After, a delay before answering, watch streams cut after a while, and
/// <see cref="Forbid"/>: every matching request refused 403 as a missing RBAC rule refuses it. A resource names its
/// subresource as RBAC does (<c>nodes/status</c>); a plain resource matches its subresources too.
/// </summary>
public sealed record FaultRule
{
    /// <summary>The wildcard for resource and verb.</summary>
    public const string Any = "*";

    /// <summary>The resource (plural, e.g. <c>virtualmachineinstancemigrations</c>, or with a subresource <c>nodes/status</c>), or <c>*</c>.</summary>
    public string Resource { get; init; } = Any;

    /// <summary>The verb (get, list, watch, create, update, patch, delete, deletecollection), or <c>*</c>.</summary>
    public string Verb { get; init; } = Any;

    /// <summary>The fraction of matching requests answered 500, from 0 to 1.</summary>
    public double ErrorRate { get; init; }

    /// <summary>The fraction of matching requests answered 429, from 0 to 1.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>The Retry-After of 429 answers (whole seconds on the wire, at least 1).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long every matching request waits before it is served.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>When set, matching watch streams are cut (connection aborted) after this long.</summary>
    public TimeSpan? DropWatchAfter { get; init; }

    /// <summary>
    /// The fraction of matching requests carried out (a create commits its object) and then answered as
    /// <see cref="AmbiguousAnswer"/> says, so that the client cannot tell whether it happened; from 0 to 1.
    /// </summary>
    public double AmbiguousRate { get; init; }

    /// <summary>How an ambiguous request is answered: a 500, or a connection reset without an answer.</summary>
    public AmbiguousAnswer AmbiguousAnswer { get; init; } = AmbiguousAnswer.Error;

    /// <summary>Whether every matching request is refused 403 Forbidden (as if RBAC lacked the rule).</summary>
    public bool Forbid { get; init; }

    /// <summary>Whether the rule applies to a request (of <paramref name="subresource"/>, when not null).</summary>
    public bool Matches(string verb, string resource, string? subresource = null) =>
        (Verb == Any || Verb == verb)
        && (Resource == Any || Resource == resource || (subresource is not null && Resource == resource + "/" + subresource));

    /// <summary>The verbs a rule may name besides <c>*</c>.</summary>
    public static IReadOnlyList<string> KnownVerbs { get; } =
        ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

    /// <summary>Every problem with the rule, its resource checked against <paramref name="knownResources"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(IEnumerable<string> knownResources)
    {
        ArgumentNullException.ThrowIfNull(knownResources);
        var problems = new List<string>(Validate());
        var known = knownResources.ToList();
        var slash = Resource.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && Resource[(slash + 1)..] != "status")
        {
            problems.Add($"resource \"{Resource}\" names a subresource drain-sim does not serve (only status)");
        }
        else if (Resource != Any && !known.Contains(slash < 0 ? Resource : Resource[..slash], StringComparer.Ordinal))
        {
            problems.Add($"resource \"{Resource}\" is not served (known: {string.Join(", ", known)}, or *)");
        }

        return problems;
    }

    /// <summary>Every problem with the rule's values; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Verb != Any && !KnownVerbs.Contains(Verb, StringComparer.Ordinal))
        {
            problems.Add($"verb \"{Verb}\" is not one of {string.Join(", ", KnownVerbs)} or *");
        }

        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"errorRate must be between 0 and 1, was {ErrorRate}"));
        }

        if (ThrottleRate is < 0 or > 1 || double.IsNaN(ThrottleRate))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"throttleRate must be between 0 and 1, was {ThrottleRate}"));
        }

        if (AmbiguousRate is < 0 or > 1 || double.IsNaN(AmbiguousRate))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"ambiguousRate must be between 0 and 1, was {AmbiguousRate}"));
        }

        if (ErrorRate + ThrottleRate + AmbiguousRate > 1)
        {
            problems.Add("errorRate + throttleRate + ambiguousRate must not exceed 1");
        }

        if (RetryAfter < TimeSpan.FromSeconds(1))
        {
            problems.Add($"retryAfter must be at least 1s, was {Durations.Format(RetryAfter)}");
        }

        if (Delay < TimeSpan.Zero)
        {
            problems.Add($"delay must not be negative, was {Durations.Format(Delay)}");
        }

        if (DropWatchAfter is { } drop && drop <= TimeSpan.Zero)
        {
            problems.Add($"dropWatchAfter must be positive, was {Durations.Format(drop)}");
        }

        return problems;
    }

    /// <summary>The rule as the admin API shows it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["resource"] = Resource,
            ["verb"] = Verb,
            ["errorRate"] = ErrorRate,
            ["throttleRate"] = ThrottleRate,
            ["retryAfter"] = Durations.Format(RetryAfter),
            ["delay"] = Durations.Format(Delay),
        };
        if (Forbid)
        {
            json["forbid"] = true;
        }

        if (AmbiguousRate > 0)
        {
            json["ambiguousRate"] = AmbiguousRate;
            json["ambiguousAnswer"] = AmbiguousAnswer == AmbiguousAnswer.Reset ? "reset" : "error";
        }

        if (DropWatchAfter is { } drop)
        {
            json["dropWatchAfter"] = Durations.Format(drop);
        }

        return json;
    }
}
