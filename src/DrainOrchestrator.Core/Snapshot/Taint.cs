namespace DrainOrchestrator.Core.Snapshot;

/// <summary>A node taint.</summary>
/// <param name="Key">The taint key.</param>
/// <param name="Value">The taint value; empty when the taint has none.</param>
/// <param name="Effect">What the taint does to pods that do not tolerate it.</param>
public sealed record Taint(string Key, string Value, TaintEffect Effect);
