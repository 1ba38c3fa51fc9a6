using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Chooses how a migration starts, before anything moves. A guest that does not converge in pre-copy even with its
/// source NIC to itself (its dirty rate outruns <c>bandwidthPerMigration</c>, or its budget runs out first) would fail its
/// first attempt (a stall aborted by the progress timeout, or the budget) and only then be retried in post-copy. When the
/// drain's failure policy would allow that retry, the first attempt already runs under the orchestrator's post-copy
/// MigrationPolicy (<see cref="PostCopyPolicyDesigner"/>), whose short budget switches to post-copy before the progress
/// timeout. When post-copy is forbidden, the plan says so in a warning instead.
/// </summary>
internal static class ModeChoice
{
    /// <summary>What the plan does about a guest's mode.</summary>
    /// <param name="StartsInPostCopy">Its first attempt runs under the orchestrator's post-copy policy.</param>
    /// <param name="Estimate">The prediction for that first attempt (the post-copy one when it starts in post-copy).</param>
    /// <param name="Warning">Why it is predicted not to converge and nothing can help; null otherwise.</param>
    public readonly record struct Choice(bool StartsInPostCopy, MigrationEstimate? Estimate, string? Warning);

    /// <summary>
    /// Decides for <paramref name="vmi"/> whose prediction with its NIC to itself is <paramref name="alone"/>, at
    /// <paramref name="aloneBandwidth"/> bytes/s.
    /// </summary>
    public static Choice Of(
        VmiSnapshot vmi, MigrationSettings settings, long dirtyRate, long aloneBandwidth, MigrationEstimate alone,
        TimeSpan progressTimeout, DrainPolicy policy)
    {
        if (alone.Mode == MigrationMode.PreCopy)
        {
            return default;
        }

        var forbidding = policy.Failure.FindPostCopyForbiddingLabel(vmi.Labels);
        if (policy.Failure.PostCopyFallback && forbidding is null)
        {
            var estimate = PostCopyEstimate(vmi, settings, dirtyRate, aloneBandwidth, progressTimeout, FirstPass(vmi, aloneBandwidth), policy.CostModel);
            return new Choice(true, estimate, null);
        }

        var why = forbidding is not null
            ? $"post-copy is forbidden by its label {forbidding}"
            : "the drain policy does not fall back to post-copy";
        return new Choice(false, null,
            $"{vmi.QualifiedName} is predicted not to converge in pre-copy even with its NIC to itself ({Megabytes(dirtyRate)} dirtied against {Megabytes(aloneBandwidth)} of bandwidth) and {why}; " +
            "it will fail unless its dirty rate drops, bandwidthPerMigration is raised, or post-copy is allowed (retrying cannot succeed as configured)");
    }

    /// <summary>
    /// The prediction under the orchestrator's post-copy policy: the VMI's own options with post-copy allowed and the
    /// short completion budget the policy designer gives it.
    /// </summary>
    public static MigrationEstimate PostCopyEstimate(
        VmiSnapshot vmi, MigrationSettings settings, long dirtyRate, long bandwidth, TimeSpan progressTimeout, TimeSpan firstPass,
        CostModelOptions options)
    {
        var owned = settings with
        {
            CompletionTimeoutPerGiB = PostCopyPolicyDesigner.SwitchOverTimeoutPerGiB(vmi.MemoryBytes, settings.CompletionTimeoutPerGiB, progressTimeout, firstPass),
            AllowPostCopy = true,
            AllowWorkloadDisruption = true,
        };
        return MigrationCostModel.Estimate(vmi.MemoryBytes, dirtyRate, bandwidth, owned, options, vmi.WorkingSetBytes);
    }

    /// <summary>The time to send <paramref name="vmi"/>'s memory once at <paramref name="bandwidth"/> bytes/s.</summary>
    public static TimeSpan FirstPass(VmiSnapshot vmi, long bandwidth) =>
        TimeSpan.FromSeconds(Math.Max(0, vmi.MemoryBytes) / (double)Math.Max(1, bandwidth));

    private static string Megabytes(long bytesPerSecond) =>
        (bytesPerSecond / 1e6).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB/s";
}
