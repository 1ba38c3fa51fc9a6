namespace DrainOrchestrator.Engine.Progress;

/// <summary>Where one node of a drain stands.</summary>
public sealed record NodeProgress(string Node, int Total, int Moved, int Remaining, int InFlight, int Failed, int Skipped);
