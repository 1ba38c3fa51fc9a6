namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The annotations an operator sets to tell the engine what Kubernetes has no field for. Both are rates in bytes per
/// second written as Kubernetes quantities (<c>1192Mi</c>, the unit of KubeVirt's <c>bandwidthPerMigration</c>); without
/// them the cost model assumes its defaults (10 Gbit/s, 10 MB/s).
/// </summary>
public static class HintAnnotations
{
    /// <summary>On a Node: the bandwidth migrations get on its pod network (or its only network), each way.</summary>
    public const string MigrationBandwidth = "drain-orchestrator.io/migration-bandwidth";

    /// <summary>
    /// On a Node: the bandwidth of its dedicated migration NIC, each way. Read instead of <see cref="MigrationBandwidth"/>
    /// while the KubeVirt CR names a migration network (<c>spec.configuration.migrations.network</c>).
    /// </summary>
    public const string MigrationNetworkBandwidth = "drain-orchestrator.io/migration-network-bandwidth";

    /// <summary>
    /// On a VMI, or in its VirtualMachine's <c>spec.template.metadata.annotations</c> when the VMI has none: how fast the
    /// guest dirties memory.
    /// </summary>
    public const string DirtyRate = "drain-orchestrator.io/dirty-rate";

    /// <summary>
    /// On a VMI: how much memory the guest keeps re-writing (its working set), a quantity in bytes (<c>6Gi</c>). At most
    /// that much is dirty again after the first copy pass, which shortens the predicted migration of a busy guest.
    /// </summary>
    public const string WorkingSet = "drain-orchestrator.io/working-set";

    /// <summary>The example of a valid working set in messages.</summary>
    internal const string WorkingSetExample = "6Gi";

    /// <summary>The example of a valid migration bandwidth in messages (10 Gbit/s).</summary>
    internal const string BandwidthExample = "1192Mi";

    /// <summary>The example of a valid dirty rate in messages.</summary>
    internal const string DirtyRateExample = "200Mi";
}
