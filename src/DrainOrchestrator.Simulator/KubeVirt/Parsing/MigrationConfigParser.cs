using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Parsing;

/// <summary>
/// Reads <c>KubeVirt.spec.configuration.migrations</c> into the model's configuration: an unset field takes KubeVirt's
/// default, as virt-controller does. Every problem is reported, each naming its field.
/// </summary>
internal static class MigrationConfigParser
{
    private const string Where = "spec.configuration.migrations.";

    public static (MigrationConfig Config, IReadOnlyList<(string Field, string Message)> Problems) Parse(MigrationConfiguration? wire)
    {
        var config = MigrationConfig.Default;
        var problems = new List<(string Field, string Message)>();
        if (wire is null)
        {
            return (config, problems);
        }

        config = config with
        {
            ParallelMigrationsPerCluster = wire.ParallelMigrationsPerCluster ?? config.ParallelMigrationsPerCluster,
            ParallelOutboundMigrationsPerNode = wire.ParallelOutboundMigrationsPerNode ?? config.ParallelOutboundMigrationsPerNode,
            BandwidthPerMigration = Units.Bytes(wire.BandwidthPerMigration, Where + "bandwidthPerMigration", problems) ?? config.BandwidthPerMigration,
            CompletionTimeoutPerGiB = Units.Seconds(wire.CompletionTimeoutPerGiB, Where + "completionTimeoutPerGiB", problems) ?? config.CompletionTimeoutPerGiB,
            ProgressTimeout = Units.Seconds(wire.ProgressTimeout, Where + "progressTimeout", problems) ?? config.ProgressTimeout,
            AllowPostCopy = wire.AllowPostCopy ?? config.AllowPostCopy,
            AllowAutoConverge = wire.AllowAutoConverge ?? config.AllowAutoConverge,
            AllowWorkloadDisruption = wire.AllowWorkloadDisruption,
            MaxDowntime = Units.Milliseconds(wire.MaxDowntimeMs, Where + "maxDowntimeMs", problems) ?? config.MaxDowntime,
            Network = string.IsNullOrEmpty(wire.Network) ? null : wire.Network,
        };
        problems.AddRange(config.Validate().Select(p => (Where + p.Split(' ')[0], p)));
        return (config, problems);
    }
}
