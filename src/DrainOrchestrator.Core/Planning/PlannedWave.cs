namespace DrainOrchestrator.Core.Planning;

/// <summary>An ordered batch of migrations, never larger than the cluster limit.</summary>
/// <param name="Number">1-based wave number.</param>
/// <param name="Items">The migrations, longest first.</param>
/// <param name="PredictedDuration">The longest predicted migration of the wave.</param>
public sealed record PlannedWave(int Number, IReadOnlyList<PlannedVmi> Items, TimeSpan PredictedDuration);
