namespace DrainOrchestrator.Core.Snapshot;

/// <summary>
/// A hint the cluster carries for a planning input that the mapping could not use (not a rate, zero, negative). The
/// snapshot leaves that input unknown, so the planner assumes its default, and the plan says so in its warnings.
/// </summary>
/// <param name="Kind">The input it was meant for.</param>
/// <param name="NodeName">The node it concerns: the node itself, or where the VMI runs.</param>
/// <param name="VmiUid">The VMI it concerns; null for a node's hint.</param>
/// <param name="Problem">What is wrong, naming the object, where the value was written and the expected form.</param>
public sealed record InvalidHint(HintKind Kind, string NodeName, string? VmiUid, string Problem);
