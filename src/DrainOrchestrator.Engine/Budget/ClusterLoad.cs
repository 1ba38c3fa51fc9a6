using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Budget;

namespace DrainOrchestrator.Engine.Budget;

/// <summary>
/// What one pass's view of the cluster tells the budget, from one walk over the unfinished VMIMs: the foreign ones in
/// flight, the other drains' in flight, and (looked up by name) the VMIMs of ours (any drain) that ended.
/// </summary>
/// <remarks>
/// A VMIM is ours when it carries <see cref="NodeLeaseNames.DrainLabel"/>; its slot is counted from our attempt rows,
/// which also cover the VMIMs intended but not yet created. Every other VMIM is foreign: KubeVirt's own evacuation
/// (<c>kubevirt.io/evacuationMigration</c>) and workload-update (<c>kubevirt.io/workloadUpdateMigration</c>)
/// migrations, and VMIMs created by hand, annotated or not. A foreign VMIM holds a slot from its creation until it
/// succeeds or fails, Pending included. KubeVirt itself counts only those past Pending (Scheduling or later) against
/// its limits, but a Pending one waits for the next free slot and KubeVirt's queue may hand it that slot before ours
/// (evacuations first): a VMIM of ours created into it could only wait Pending too, its target reserved for nothing.
/// Counting it is conservative: the budget never plans on a slot KubeVirt may hand to someone else.
/// </remarks>
/// <param name="Foreign">The foreign VMIMs in flight.</param>
/// <param name="OtherDrainsInFlight">Unfinished VMIMs of other drains of ours that the view shows.</param>
/// <param name="Ended">
/// Names of VMIMs of ours that ended: finished in the view, or observed ended by this pass (a VMIM deleted, a VMI gone)
/// and not yet recorded. Their rows hold no slot.
/// </param>
internal sealed record ClusterLoad(ForeignLoad Foreign, int OtherDrainsInFlight, IReadOnlySet<string> Ended)
{
    /// <summary>The foreign VMIMs in flight whose VMI is seen (application budgets count them by its labels).</summary>
    public IReadOnlyList<MigrationSnapshot> ForeignMigrations { get; init; } = [];

    /// <summary>Nothing seen yet.</summary>
    public static ClusterLoad Empty { get; } = new(ForeignLoad.None, 0, new HashSet<string>(StringComparer.Ordinal));

    /// <param name="cluster">The view of this pass.</param>
    /// <param name="snapshot">Its snapshot (the source node of each unfinished VMIM).</param>
    /// <param name="drainId">This drain (its VMIMs' label value).</param>
    /// <param name="justEnded">VMIMs of this drain the pass observed ending, whose records are written after its starts.</param>
    public static ClusterLoad Of(ClusterState cluster, ClusterSnapshot snapshot, string drainId, IEnumerable<string> justEnded)
    {
        // Only the unfinished VMIMs are walked (the view's index keeps them); the ended ones of ours are looked up by name
        // when the reservation asks about a slot it holds.
        var index = cluster.Index;
        var ended = new EndedMigrationNames(new HashSet<string>(justEnded, StringComparer.Ordinal), index);
        var foreign = new HashSet<string>(StringComparer.Ordinal);
        var others = 0;
        foreach (var vmim in index.UnfinishedMigrations)
        {
            if (MigrationStatus.DrainOf(vmim) is { } owner)
            {
                if (owner != drainId)
                {
                    others++;
                }
            }
            else
            {
                foreign.Add(vmim.Metadata.Namespace + "/" + vmim.Metadata.Name);
            }
        }

        var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
        var migrations = new List<MigrationSnapshot>();
        if (foreign.Count > 0)
        {
            foreach (var migration in snapshot.UnfinishedMigrations)
            {
                if (foreign.Contains(migration.Namespace + "/" + migration.Name))
                {
                    bySource[migration.SourceNode] = bySource.GetValueOrDefault(migration.SourceNode) + 1;
                    migrations.Add(migration);
                }
            }
        }

        return new ClusterLoad(new ForeignLoad(foreign.Count, bySource), others, ended) { ForeignMigrations = migrations };
    }
}
