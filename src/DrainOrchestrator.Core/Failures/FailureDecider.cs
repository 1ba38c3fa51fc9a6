using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Failures;

/// <summary>
/// Applies a <see cref="FailurePolicy"/> to a VMI's attempts. Pure: the backoff is computed from the stored finish time
/// of the last attempt, so a restarted engine decides the same.
/// </summary>
public static class FailureDecider
{
    /// <summary>
    /// The failed attempts that count against the policy's most attempts: every failure except those that are never the
    /// VM's fault (<see cref="IsCharged"/>).
    /// </summary>
    public static int ChargedFailures(IEnumerable<MigrationAttempt> attempts) =>
        attempts.Count(a => a.Status == AttemptStatus.Failed && IsCharged(a.Failure));

    /// <summary>
    /// Whether a failure of this kind counts against the VM's attempts: not the infrastructure's, nor a migration that
    /// someone else aborted by deleting its VMIM.
    /// </summary>
    public static bool IsCharged(FailureKind? kind) => kind is not (FailureKind.Infrastructure or FailureKind.AbortedExternally);

    /// <summary>
    /// Decides what follows the last of <paramref name="attempts"/> (ordered by number), which must have failed.
    /// <paramref name="vmi"/> is the VMI as it is now, null when it no longer exists.
    /// </summary>
    public static FailureDecision Decide(IReadOnlyList<MigrationAttempt> attempts, VmiSnapshot? vmi, FailurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(policy);
        if (attempts.Count == 0 || attempts[^1].Status != AttemptStatus.Failed)
        {
            throw new ArgumentException("The last attempt must have failed.", nameof(attempts));
        }

        var last = attempts[^1];
        var kind = last.Failure ?? FailureKind.Unknown;
        var finished = last.FinishedAt ?? last.StartedAt;
        var avoid = attempts
            .Where(a => a.Status == AttemptStatus.Failed && a.TargetNode is not null
                && FailureClassifier.IsTargetFault(a.Failure ?? FailureKind.Unknown))
            .Select(a => a.TargetNode!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var failures = ChargedFailures(attempts);
        var what = Describe(last);

        if (vmi is null && last.Kind == AttemptKind.Restart)
        {
            // The stopped VMI is gone by design; what failed is its start elsewhere, and stopping it again is impossible.
            return GiveUp(finished, $"the restart elsewhere failed: {last.FailureMessage ?? "no reason recorded"}");
        }

        // Before the VMI's absence: a failed post-copy loses the guest, so its VMI is failed or already replaced by now.
        if (kind == FailureKind.PostCopyFailed)
        {
            return GiveUp(finished, "post-copy failed and the guest was lost; KubeVirt restarts it through its run strategy");
        }

        if (vmi is null || kind == FailureKind.VmiGone)
        {
            return GiveUp(finished, "the VMI no longer exists");
        }

        if (kind == FailureKind.Aborted)
        {
            return GiveUp(finished, "the migration was aborted by request");
        }

        // Not the VM's fault, but someone who keeps deleting its VMIMs does not want it moved: as many external aborts
        // as the policy's most attempts leave it where it is, with that reason (they still never count as its failures).
        var externalAborts = attempts.Count(a => a.Status == AttemptStatus.Failed && a.Failure == FailureKind.AbortedExternally);
        if (kind == FailureKind.AbortedExternally && externalAborts >= policy.MaxAttempts)
        {
            return GiveUp(finished, $"someone else aborted its migration {externalAborts} times (deleted the VMIM), as many as the most attempts; left where it is");
        }

        if (failures >= policy.MaxAttempts)
        {
            return GiveUp(finished, $"gave up after {failures} attempts; the last {what}");
        }

        var postCopy = attempts.Any(a => a.PostCopy);
        if (FailureClassifier.IsConvergenceFailure(kind) && !postCopy && policy.PostCopyFallback)
        {
            var forbidding = policy.FindPostCopyForbiddingLabel(vmi.Labels);
            if (forbidding is not null)
            {
                return GiveUp(finished, $"the last attempt {what} and post-copy is forbidden by the label {forbidding}");
            }

            postCopy = true;
        }

        var reason = postCopy && !attempts.Any(a => a.PostCopy)
            ? $"retry with post-copy: the last attempt {what}"
            : $"retry: the last attempt {what}";
        // An infrastructure failure waits the first backoff at least, so a failing API server is not hammered.
        return new FailureDecision(FailureVerdict.Retry, finished + policy.BackoffAfter(Math.Max(1, failures)), postCopy, avoid, reason);
    }

    private static FailureDecision GiveUp(DateTimeOffset at, string reason) =>
        new(FailureVerdict.GiveUp, at, false, [], reason);

    private static string Describe(MigrationAttempt attempt)
    {
        var kind = attempt.Failure ?? FailureKind.Unknown;
        var text = kind switch
        {
            FailureKind.DidNotConverge => "did not converge",
            FailureKind.Stalled => "stalled",
            FailureKind.TargetUnschedulable => $"could not be scheduled on {attempt.TargetNode}",
            FailureKind.TargetPodFailed => $"lost its target pod on {attempt.TargetNode}",
            FailureKind.ApiError => "failed on an API error",
            FailureKind.Infrastructure => "was not made: the infrastructure failed (not counted against the VM)",
            FailureKind.AbortedExternally => "was aborted by someone else, its VMIM deleted (not counted against the VM)",
            _ => "failed",
        };
        return string.IsNullOrEmpty(attempt.FailureMessage) ? text : $"{text} ({attempt.FailureMessage})";
    }
}
