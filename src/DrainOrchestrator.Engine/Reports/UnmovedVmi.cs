namespace DrainOrchestrator.Engine.Reports;

/// <summary>A VMI the drain did not move, and why.</summary>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Node">The node it was on when the drain decided.</param>
/// <param name="Disposition"><c>skipped</c> (policy skip), <c>blocked</c> (it blocked the drain), <c>gave_up</c> (every attempt failed) or <c>not_started</c> (the drain ended, or is not finished, before any attempt of it).</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
public sealed record UnmovedVmi(string Vmi, string Node, string Disposition, string Reason);
