using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Migrations;

/// <summary>
/// The orchestrator-owned MigrationPolicy that makes one VMI migrate with post-copy, or why no such policy can win.
/// </summary>
/// <param name="Policy">The policy to create (null when <paramref name="Problem"/> is set).</param>
/// <param name="MarkerLabelKey">The label to put on the VMI so the policy selects it.</param>
/// <param name="MarkerLabelValue">The marker label's value.</param>
/// <param name="Problem">Why no policy can be certain to win; null on success.</param>
public sealed record PostCopyPolicyDesign(
    MigrationPolicySnapshot? Policy, string MarkerLabelKey, string MarkerLabelValue, string? Problem)
{
    /// <summary>Whether a winning policy was designed.</summary>
    public bool Succeeded => Policy is not null;
}
