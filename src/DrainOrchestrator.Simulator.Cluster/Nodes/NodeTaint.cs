namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A taint on a node.</summary>
/// <param name="Key">The taint key.</param>
/// <param name="Value">The taint value; empty when none.</param>
/// <param name="Effect">What the taint does to pods that do not tolerate it.</param>
public sealed record NodeTaint(string Key, string Value, TaintEffect Effect);
