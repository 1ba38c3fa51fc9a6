namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A namespace of the scenario.</summary>
/// <param name="Name">The name.</param>
/// <param name="Labels">The labels.</param>
public sealed record NamespaceDefinition(string Name, IReadOnlyDictionary<string, string> Labels);
