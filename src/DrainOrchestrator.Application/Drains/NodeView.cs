namespace DrainOrchestrator.Application.Drains;

/// <summary>Where one node of a drain stands, as recorded.</summary>
public sealed record NodeView(
    string Node, string State, int? Total, int Moved, int Remaining, int GivenUp, int Skipped, bool Released, string? LastError);
