namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>An immutable view of one namespace.</summary>
/// <param name="Name">The namespace name.</param>
/// <param name="Labels">Its labels (used by MigrationPolicy namespace selectors).</param>
public sealed record NamespaceSnapshot(string Name, IReadOnlyDictionary<string, string> Labels);
