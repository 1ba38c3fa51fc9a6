using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;
using Wire = DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>Model values as wire-model values: taints, tolerations, node affinity, quantities, migration options.</summary>
internal static class WireConversions
{
    public static Dictionary<string, string> Labels(IReadOnlyDictionary<string, string> labels) =>
        new(labels.OrderBy(p => p.Key, StringComparer.Ordinal), StringComparer.Ordinal);

    public static Dictionary<string, string>? LabelsOrNull(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? null : Labels(labels);

    public static Wire.Taint Taint(NodeTaint taint) => new()
    {
        Key = taint.Key,
        Value = taint.Value.Length == 0 ? null : taint.Value,
        Effect = taint.Effect.ToString(),
    };

    public static Wire.Toleration Toleration(Cluster.Toleration toleration) => new()
    {
        Key = toleration.Key,
        Operator = toleration.Value is null ? "Exists" : "Equal",
        Value = toleration.Value,
        Effect = toleration.Effect?.ToString(),
    };

    public static Affinity? Affinity(IReadOnlyList<Cluster.NodeSelectorTerm> required) => required.Count == 0 ? null : new()
    {
        NodeAffinity = new NodeAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
            {
                NodeSelectorTerms =
                [
                    .. required.Select(term => new Wire.NodeSelectorTerm
                    {
                        MatchExpressions =
                        [
                            .. term.MatchExpressions.Select(e => new Wire.NodeSelectorRequirement
                            {
                                Key = e.Key,
                                Operator = e.Operator.ToString(),
                                Values = e.Values.Count == 0 ? null : [.. e.Values],
                            }),
                        ],
                    }),
                ],
            },
        },
    };

    public static Quantity Bytes(long bytes) => Quantity.FromBytes(bytes);

    public static long Seconds(TimeSpan duration) => (long)Math.Round(duration.TotalSeconds);

    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

    /// <summary>The options one migration runs with, as <c>migrationState.migrationConfiguration</c>.</summary>
    public static MigrationConfiguration Configuration(EffectiveMigrationConfiguration config) => new()
    {
        BandwidthPerMigration = Bytes(config.BandwidthPerMigration),
        CompletionTimeoutPerGiB = Seconds(config.CompletionTimeoutPerGiB),
        ProgressTimeout = Seconds(config.ProgressTimeout),
        AllowPostCopy = config.AllowPostCopy,
        AllowAutoConverge = config.AllowAutoConverge,
        AllowWorkloadDisruption = config.AllowWorkloadDisruption,
        MaxDowntimeMs = Milliseconds(config.MaxDowntime),
    };

    /// <summary>The cluster's configuration, as <c>KubeVirt.spec.configuration.migrations</c>.</summary>
    public static MigrationConfiguration Configuration(MigrationConfig config) => new()
    {
        ParallelMigrationsPerCluster = config.ParallelMigrationsPerCluster,
        ParallelOutboundMigrationsPerNode = config.ParallelOutboundMigrationsPerNode,
        BandwidthPerMigration = Bytes(config.BandwidthPerMigration),
        CompletionTimeoutPerGiB = Seconds(config.CompletionTimeoutPerGiB),
        ProgressTimeout = Seconds(config.ProgressTimeout),
        AllowPostCopy = config.AllowPostCopy,
        AllowAutoConverge = config.AllowAutoConverge,
        AllowWorkloadDisruption = config.AllowWorkloadDisruption,
        MaxDowntimeMs = Milliseconds(config.MaxDowntime),
        Network = config.Network,
    };

    public static Condition Condition(string type, bool status, DateTimeOffset since, string? reason = null, string? message = null) => new()
    {
        Type = type,
        Status = status ? "True" : "False",
        LastTransitionTime = since,
        Reason = reason,
        Message = message,
    };
}
