namespace DrainOrchestrator.Core.Failures;

/// <summary>Turns what was observed about a failed attempt into a <see cref="FailureKind"/>.</summary>
public static class FailureClassifier
{
    /// <summary>Classifies <paramref name="facts"/>; the most specific fact wins.</summary>
    public static FailureKind Classify(FailureFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reason = facts.FailureReason ?? string.Empty;
        if (facts.VmiGone)
        {
            return FailureKind.VmiGone;
        }

        if (Contains(reason, "irrecoverable due to failed post-copy"))
        {
            return FailureKind.PostCopyFailed;
        }

        if (facts.AbortRequested || Contains(reason, "abort requested") || Contains(reason, "migrationAbortRequested"))
        {
            return FailureKind.Aborted;
        }

        if (Contains(reason, "not completed after"))
        {
            return FailureKind.DidNotConverge;
        }

        if (Contains(reason, "stuck for"))
        {
            return FailureKind.Stalled;
        }

        if (facts.TargetUnschedulable || Contains(reason, "unschedulable"))
        {
            return FailureKind.TargetUnschedulable;
        }

        if (facts.TargetPodFailed || Contains(reason, "target pod"))
        {
            return FailureKind.TargetPodFailed;
        }

        return facts.ApiStatusCode is not null ? FailureKind.ApiError : FailureKind.Unknown;
    }

    /// <summary>Whether the target node was at fault, so a retry should go elsewhere.</summary>
    public static bool IsTargetFault(FailureKind kind) =>
        kind is FailureKind.TargetUnschedulable or FailureKind.TargetPodFailed;

    /// <summary>Whether the guest could not be copied fast enough (post-copy helps).</summary>
    public static bool IsConvergenceFailure(FailureKind kind) =>
        kind is FailureKind.DidNotConverge or FailureKind.Stalled;

    private static bool Contains(string text, string fragment) =>
        text.Contains(fragment, StringComparison.OrdinalIgnoreCase);
}
