namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// The unfinished VMIMs no drain of ours created, as one engine's informer shows them: KubeVirt's own evacuation and
/// workload-update migrations, and VMIMs created by hand. Each holds one slot of the cluster's budget while it runs.
/// </summary>
/// <param name="Total">How many there are.</param>
/// <param name="BySourceNode">How many leave each node (a VMIM whose VMI is not seen counts in <paramref name="Total"/> only).</param>
public sealed record ForeignLoad(int Total, IReadOnlyDictionary<string, int> BySourceNode)
{
    /// <summary>No foreign VMIM.</summary>
    public static ForeignLoad None { get; } = new(0, new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>How many leave <paramref name="node"/>.</summary>
    public int On(string node) => BySourceNode.GetValueOrDefault(node);
}
