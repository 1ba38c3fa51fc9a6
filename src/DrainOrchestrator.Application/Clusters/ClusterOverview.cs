using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Application.Clusters;

/// <summary>
/// A cluster at a glance, from the live informer view at the moment of asking: its limits and the migrations in flight,
/// ours (labelled with a drain id) and foreign (KubeVirt's evacuations and workload updates, or anyone's kubectl).
/// </summary>
/// <param name="Server">The API server address: the cluster's identity in the database.</param>
/// <param name="Context">The kubeconfig context used, when there was one.</param>
/// <param name="Nodes">How many nodes it has.</param>
/// <param name="ParallelMigrationsPerCluster">KubeVirt's cluster-wide limit.</param>
/// <param name="ParallelOutboundMigrationsPerNode">KubeVirt's per-source-node limit.</param>
/// <param name="InFlightOurs">Unfinished migrations a drain of ours created.</param>
/// <param name="InFlightForeign">Unfinished migrations somebody else created.</param>
public sealed record ClusterOverview(
    string Server, string? Context, int Nodes, int ParallelMigrationsPerCluster, int ParallelOutboundMigrationsPerNode,
    int InFlightOurs, int InFlightForeign)
{
    /// <summary>Slots left under the cluster-wide limit (never negative).</summary>
    public int FreeSlots => Math.Max(0, ParallelMigrationsPerCluster - InFlightOurs - InFlightForeign);

    /// <summary>The overview of <paramref name="connection"/> as its informers show it now.</summary>
    public static ClusterOverview Of(ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var state = connection.View.Current;
        var config = SnapshotMapper.MapConfig(state.KubeVirt);
        int ours = 0, foreign = 0;
        foreach (var migration in state.Migrations)
        {
            if (migration.Status?.Phase is "Succeeded" or "Failed")
            {
                continue;
            }

            if (migration.Metadata[NodeLeaseNames.DrainLabel] is not null)
            {
                ours++;
            }
            else
            {
                foreign++;
            }
        }

        return new ClusterOverview(connection.Cluster, connection.Context, state.Nodes.Count, config.ParallelMigrationsPerCluster,
            config.ParallelOutboundMigrationsPerNode, ours, foreign);
    }
}
