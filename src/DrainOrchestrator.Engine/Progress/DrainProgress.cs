using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Progress;

/// <summary>A drain's live progress, reported after every decision of the migrate step.</summary>
/// <param name="Step">The current step.</param>
/// <param name="Paused">Whether an operator paused it.</param>
/// <param name="Nodes">Per node: moved, remaining, in flight, failed attempts, VMs retried and given up on, skipped.</param>
/// <param name="ClusterInFlight">Unfinished migrations in the cluster, ours and foreign; null when not known (progress read from a journal).</param>
/// <param name="EstimatedRemaining">Predicted time to finish from the plan's estimates; null when unknown.</param>
public sealed record DrainProgress(string Step, bool Paused, IReadOnlyList<NodeProgress> Nodes, int? ClusterInFlight, TimeSpan? EstimatedRemaining);
