namespace DrainOrchestrator.Persistence.Budget;

/// <summary>A drain asking its cluster's budget for one migration slot (see <see cref="ClusterBudgetStore.ReserveAsync"/>).</summary>
/// <param name="Cluster">The cluster (<c>drains.cluster</c>).</param>
/// <param name="DrainId">The drain asking.</param>
/// <param name="SourceNode">The node the migration leaves.</param>
/// <param name="ClusterLimit">The most migrations in flight in the whole cluster: the KubeVirt CR's, or the drain policy's when lower.</param>
/// <param name="NodeLimit">The most migrations in flight out of one node: the KubeVirt CR's, or the drain policy's when lower.</param>
/// <param name="Foreign">The unfinished foreign VMIMs the asking engine sees.</param>
/// <param name="Ended">
/// Names of VMIMs of ours (any drain of the cluster) the asking engine has seen end whose attempts may not be recorded
/// yet: they are truthfully over, so their rows hold no slot.
/// </param>
/// <param name="Wanted">The migrations the drain would start now, this one included (at least 1).</param>
/// <param name="DemandMaxAge">How old another drain's published demand may be and still count.</param>
public sealed record SlotRequest(
    string Cluster,
    Guid DrainId,
    string SourceNode,
    int ClusterLimit,
    int NodeLimit,
    ForeignLoad Foreign,
    IReadOnlySet<string> Ended,
    int Wanted,
    TimeSpan DemandMaxAge)
{
    /// <summary>The application budgets the migrating VMI is a member of; the start must leave each within its limit.</summary>
    public IReadOnlyList<BudgetSlotRequest> Budgets { get; init; } = [];

    /// <summary>
    /// Whether the asking engine's view shows the VMIM <c>(namespace, name)</c> unfinished. An unfinished attempt of a
    /// drain that has ended holds a slot only then: no engine records its end any more, so its row alone would hold the
    /// slot for ever. Null: such rows hold none.
    /// </summary>
    public Func<string, string, bool>? StillInFlight { get; init; }
}
