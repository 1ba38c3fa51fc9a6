using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// A time limit on the pre-copy of a guest nothing is known of (docs/learned-inputs.md, "Within a drain"). With no
/// annotation, metric or observation, a guest's dirty rate is assumed; one that really dirties faster than its bandwidth
/// never converges and, left alone, stalls until KubeVirt's progress timeout fails it (150 s by default), and only its
/// retry goes in post-copy. When the drain may fall back to post-copy for it, its pre-copy attempt runs under the
/// orchestrator's post-copy policy instead, with a completion budget that ends <see cref="Factor"/> times its predicted
/// transfer plus <see cref="Margin"/> after the transfer starts: a guest that converges as predicted (or up to that
/// many times slower) ends in pre-copy as before; one that does not switches to post-copy there, keeping what it sent,
/// well before the progress timeout. Pure.
/// </summary>
public static class PreCopyGuard
{
    /// <summary>How many times its predicted transfer a guarded pre-copy may run before it switches to post-copy.</summary>
    public const double Factor = 1.5;

    /// <summary>Added to the guarded time, so a short transfer is not switched over for a few seconds of hand-off.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The transfer time after which <paramref name="item"/>'s pre-copy attempt should switch to post-copy; null when it
    /// is not guarded: its dirty rate is known (annotated, measured, observed or learned), it starts in post-copy
    /// anyway, the drain policy does not fall back to post-copy or a label forbids it for the VMI, or it is not
    /// predicted to converge (the plan already said what happens to it).
    /// </summary>
    public static TimeSpan? SwitchAfter(PlannedVmi item, DrainPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        if (item.Disposition != PlanDisposition.Migrate || item.StartsInPostCopy || item.DirtyRateSource != InputSource.Default
            || !policy.Failure.PostCopyFallback || policy.Failure.FindPostCopyForbiddingLabel(item.Vmi.Labels) is not null
            || item.Estimate.Mode != MigrationMode.PreCopy)
        {
            return null;
        }

        var bandwidth = Math.Max(1, item.Estimate.BandwidthBytesPerSecond);
        var transfer = Math.Max(item.Vmi.MemoryBytes, item.Estimate.TransferredBytes) / (double)bandwidth;
        return TimeSpan.FromSeconds(Factor * transfer) + Margin;
    }
}
