using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>What one engine bench run measured, over the window from the first success to the last measured one.</summary>
/// <param name="Label">What was measured (e.g. before or after a change).</param>
/// <param name="Cluster">The cluster's size.</param>
/// <param name="DrainedNodes">Nodes drained.</param>
/// <param name="Migrations">Migrations that succeeded in the window.</param>
/// <param name="WindowSeconds">The window's length.</param>
/// <param name="Passes">Migrate-loop pass latency, milliseconds.</param>
/// <param name="Decisions">Core's scheduler decision inside those passes (the engine's own histogram), milliseconds.</param>
/// <param name="Refills">
/// Slot refill latency, milliseconds, as an upper bound: each create from the oldest success not yet paired, so a slot left
/// empty on purpose (a per-node limit, a just-in-time start) counts its wait (<see cref="RefillClock"/>).
/// </param>
/// <param name="EngineCpuMsPerMigration">The process's CPU time in the window but the simulated cluster's thread, per migration.</param>
/// <param name="AllocatedKiBPerMigration">Bytes allocated in the window but by the simulated cluster's thread, per migration.</param>
/// <param name="AllocatedKiBPerPass">The same, per pass.</param>
/// <param name="ClusterChangesPerSecond">Informer changes the cluster sent per second in the window (churn and migrations).</param>
/// <param name="FullCollections">Gen 2 garbage collections in the window (the heap holds the whole cluster: each is costly).</param>
/// <param name="Load">The machine's load at the end.</param>
/// <param name="PassRefills">
/// Slot refill latency, milliseconds, as the orchestration bench defines it: the successes a pass saw, paired with the
/// creates of that pass (<see cref="PassRefills"/>); null in results saved before it was measured.
/// </param>
/// <param name="LeftEmpty">Successes a pass saw and left empty on purpose (not timed in <paramref name="PassRefills"/>).</param>
internal sealed record EngineResult(
    string Label,
    string Cluster,
    int DrainedNodes,
    int Migrations,
    double WindowSeconds,
    Samples Passes,
    Samples Decisions,
    Samples Refills,
    double EngineCpuMsPerMigration,
    double AllocatedKiBPerMigration,
    double AllocatedKiBPerPass,
    double ClusterChangesPerSecond,
    int FullCollections,
    string Load,
    Samples? PassRefills = null,
    int? LeftEmpty = null)
{
    /// <summary>
    /// The passes that decided, milliseconds: <see cref="Passes"/> less those that ended at once because only what
    /// the decision does not read changed (the engine's event 3052); null in results saved before it was measured.
    /// </summary>
    public Samples? DecidedPasses { get; init; }

    /// <summary>
    /// PostgreSQL's commits of the engine's journal writes made in a transaction (each migration's intent among them:
    /// its start waits for that commit), milliseconds, by the engine's own histogram; null in results saved before it
    /// was measured. A refill slower than the engine's work is usually one of these waiting on the disk.
    /// </summary>
    public Samples? Commits { get; init; }
}
