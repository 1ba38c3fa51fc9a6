namespace DrainOrchestrator.Core.Failures;

/// <summary>The verdict on a VMI whose last attempt failed.</summary>
/// <param name="Verdict">Retry or give up.</param>
/// <param name="NotBefore">The earliest time of the next attempt (from the stored finish time plus backoff).</param>
/// <param name="UsePostCopy">The next attempt runs with the orchestrator's post-copy policy.</param>
/// <param name="AvoidTargets">Targets that were at fault in earlier attempts.</param>
/// <param name="Reason">Why, in words an operator reads in the report.</param>
public sealed record FailureDecision(
    FailureVerdict Verdict,
    DateTimeOffset NotBefore,
    bool UsePostCopy,
    IReadOnlyCollection<string> AvoidTargets,
    string Reason);
