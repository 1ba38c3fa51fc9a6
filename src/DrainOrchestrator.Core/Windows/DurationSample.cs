namespace DrainOrchestrator.Core.Windows;

/// <summary>One finished migration: what the cost model predicted and what it took, from VMIM creation to its end.</summary>
/// <param name="Predicted">The cost model's prediction (the plan's estimate).</param>
/// <param name="Actual">The observed duration.</param>
public sealed record DurationSample(TimeSpan Predicted, TimeSpan Actual);
