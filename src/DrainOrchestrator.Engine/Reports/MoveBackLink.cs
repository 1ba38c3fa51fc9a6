namespace DrainOrchestrator.Engine.Reports;

/// <summary>A drain or move-back a report links to: the drain a move-back returns, or a move-back of the drain.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Its state as recorded.</param>
public sealed record MoveBackLink(Guid Id, string Name, string State);
