using DrainOrchestrator.Scale.Bench.Clusters;
using DrainOrchestrator.Scale.Bench.Decisions;
using DrainOrchestrator.Scale.Bench.Planning;

namespace DrainOrchestrator.Scale.Bench.Results;

/// <summary>Everything measured on one cluster size.</summary>
/// <param name="Size">The size.</param>
/// <param name="Planning">Planning.</param>
/// <param name="FirstDecisionMilliseconds">The first decision on a new plan instance (median of a few).</param>
/// <param name="Decisions">Decisions per phase.</param>
internal sealed record SizeResult(
    ScaleCase Size, PlanningResult Planning, double FirstDecisionMilliseconds, IReadOnlyList<DecisionResult> Decisions);
