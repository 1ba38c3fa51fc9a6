using System.Text.Json;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>One node's counts as <see cref="DrainStateStore.NodeCountsChange"/> records them on drain_nodes.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Total">VMIs of the node the drain counts.</param>
/// <param name="Migrated">Moved off it.</param>
/// <param name="Skipped">Left on it by the plan.</param>
/// <param name="Failed">Given up on.</param>
public sealed record NodeCounts(string Node, int Total, int Migrated, int Skipped, int Failed)
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
