namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>What a rehearsal predicts for the real drain; every duration is cluster time.</summary>
/// <param name="Nodes">The nodes drained.</param>
/// <param name="Speed">The speed it ran at.</param>
/// <param name="State">How the rehearsed drain ended (<c>succeeded</c>, <c>failed</c>, ...).</param>
/// <param name="Reason">Why it ended so.</param>
/// <param name="Makespan">From the first migration's creation to the last one's end (drain-sim's ground truth); null without migrations.</param>
/// <param name="Duration">The whole drain, from its start to its end (cordon, plan, migrations, verify).</param>
/// <param name="PlannedMakespan">What the drain's own plan predicted for its migrations; null when it journaled no plan.</param>
/// <param name="Migrations">How many migrations it started.</param>
/// <param name="Stalled">Migrations that stalled or did not converge.</param>
/// <param name="PostCopy">Migrations that switched to post-copy.</param>
/// <param name="CannotMove">VMs the drain left where they were: skipped, blocking, or given up on.</param>
/// <param name="Window">Whether the drain fits the window asked about; null when none was.</param>
/// <param name="KubeVirt">KubeVirt's evacuation controller alone on the same nodes; null unless asked.</param>
public sealed record RehearsalResult(
    IReadOnlyList<string> Nodes,
    double Speed,
    string State,
    string Reason,
    TimeSpan? Makespan,
    TimeSpan? Duration,
    TimeSpan? PlannedMakespan,
    int Migrations,
    IReadOnlyList<RehearsedMigration> Stalled,
    IReadOnlyList<RehearsedMigration> PostCopy,
    IReadOnlyList<UnmovableVm> CannotMove,
    WindowFit? Window,
    KubeVirtAloneResult? KubeVirt);

/// <summary>One migration of the rehearsal worth an operator's look.</summary>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Source">The node it left.</param>
/// <param name="Target">The node it went to, when one was chosen.</param>
/// <param name="Outcome">How the attempt ended.</param>
/// <param name="Detail">The failure's reason, when it failed.</param>
public sealed record RehearsedMigration(string Vmi, string Source, string? Target, string Outcome, string? Detail);

/// <summary>A VM the drain could not move.</summary>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Node">Its node.</param>
/// <param name="Disposition"><c>skipped</c>, <c>blocked</c> or <c>gave_up</c>.</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
public sealed record UnmovableVm(string Vmi, string Node, string Disposition, string Reason);

/// <summary>The drain against the window.</summary>
/// <param name="Length">The window's length.</param>
/// <param name="Needed">What the drain took, start to end.</param>
/// <param name="Fits">Whether it ended inside the window.</param>
public sealed record WindowFit(TimeSpan Length, TimeSpan Needed, bool Fits);

/// <summary>The same nodes drained by KubeVirt's evacuation controller alone (taint <c>kubevirt.io/drain:NoSchedule</c>).</summary>
/// <param name="Finished">Whether every VM it evacuates left the nodes before the timeout.</param>
/// <param name="Makespan">From its first migration's creation to its last one's end; null without migrations.</param>
/// <param name="Migrations">How many migrations it created.</param>
/// <param name="Failed">How many of them failed (it retries with backoff).</param>
/// <param name="LeftOnNodes">VMIs still on the nodes at the end (namespace/name), those it does not evacuate included.</param>
public sealed record KubeVirtAloneResult(bool Finished, TimeSpan? Makespan, int Migrations, int Failed, IReadOnlyList<string> LeftOnNodes);
