namespace DrainOrchestrator.Scheduling.Bench.Runs;

/// <summary>How one batch of a drain went.</summary>
/// <param name="Nodes">The nodes drained.</param>
/// <param name="StartedAt">Model time when the batch started (nodes cordoned, first decision).</param>
/// <param name="FinishedAt">Model time when its last migration ended (or the run gave up).</param>
/// <param name="VmisToMove">VMIs on the nodes at the start.</param>
/// <param name="Left">VMIs still on the nodes at the end.</param>
/// <param name="Stuck">The run stopped without finishing (nothing left to try, or the time limit).</param>
/// <param name="Decisions">How often the scheduler was asked (0 for KubeVirt alone).</param>
/// <param name="DecideSeconds">Wall-clock time spent in the scheduler and planner.</param>
internal sealed record BatchOutcome(
    IReadOnlyList<string> Nodes,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int VmisToMove,
    int Left,
    bool Stuck,
    int Decisions,
    double DecideSeconds)
{
    public TimeSpan Makespan => FinishedAt - StartedAt;
}
