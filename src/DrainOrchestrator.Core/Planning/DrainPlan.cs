using DrainOrchestrator.Core.Budgets;

namespace DrainOrchestrator.Core.Planning;

/// <summary>The preflight and plan of a drain.</summary>
/// <param name="Nodes">The nodes being drained.</param>
/// <param name="Items">Every VMI on those nodes, migrations in wave order first.</param>
/// <param name="Waves">The migrations in waves.</param>
/// <param name="Blockers">VMIs that block the drain; the drain must not start while there are any.</param>
/// <param name="PredictedMakespan">Predicted time to move everything in the policy's wave mode.</param>
public sealed record DrainPlan(
    IReadOnlyList<string> Nodes,
    IReadOnlyList<PlannedVmi> Items,
    IReadOnlyList<PlannedWave> Waves,
    IReadOnlyList<PlannedVmi> Blockers,
    TimeSpan PredictedMakespan)
{
    /// <summary>
    /// What makes the plan less accurate without stopping the drain, e.g. an unusable NIC bandwidth or dirty-rate hint
    /// and the value assumed instead; each names the object.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The migrations that can only go to a node a later drain empties (given such nodes): each VM here moves twice,
    /// and says why. Also in <see cref="Warnings"/>.
    /// </summary>
    public IReadOnlyList<DoubleMove> MovesTwice { get; init; } = [];

    /// <summary>
    /// The application budgets the drain honours (the policy's, the VMIs' annotations, PodDisruptionBudgets) with their
    /// members; only those covering at least one VMI of the plan.
    /// </summary>
    public IReadOnlyList<PlannedBudget> Budgets { get; init; } = [];

    /// <summary>The target start-up the predictions assume (<see cref="CostModelOptions.TargetStartup"/>).</summary>
    public TimeSpan TargetStartup { get; init; } = CostModelOptions.DefaultTargetStartup;

    /// <summary>Where <see cref="TargetStartup"/> came from.</summary>
    public StartupSource TargetStartupSource { get; init; } = StartupSource.Default;

    /// <summary>Whether anything blocks the drain.</summary>
    public bool IsBlocked => Blockers.Count > 0;

    /// <summary>The VMIs the plan skips (reported, left in place).</summary>
    public IEnumerable<PlannedVmi> Skipped => Items.Where(i => i.Disposition == PlanDisposition.Skip);
}
