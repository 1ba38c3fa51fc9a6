namespace DrainOrchestrator.Persistence.Drains;

/// <summary>A node that already belongs to another active drain.</summary>
public sealed record NodeConflict(string NodeName, string DrainName, Guid DrainId, DrainState DrainState);
