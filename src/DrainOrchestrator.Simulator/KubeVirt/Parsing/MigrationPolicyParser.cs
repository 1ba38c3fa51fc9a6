using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Simulator.KubeVirt.Parsing;

/// <summary>Reads a MigrationPolicy object into the model's policy, reporting every problem with its field.</summary>
internal static class MigrationPolicyParser
{
    public static (Cluster.MigrationPolicy Policy, IReadOnlyList<(string Field, string Message)> Problems) Parse(MigrationPolicy wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var problems = new List<(string Field, string Message)>();
        var spec = wire.Spec ?? new MigrationPolicySpec();
        var policy = new Cluster.MigrationPolicy
        {
            Name = wire.Metadata.Name ?? "",
            NamespaceSelector = spec.Selectors?.NamespaceSelector ?? [],
            VirtualMachineInstanceSelector = spec.Selectors?.VirtualMachineInstanceSelector ?? [],
            AllowAutoConverge = spec.AllowAutoConverge,
            BandwidthPerMigration = Units.Bytes(spec.BandwidthPerMigration, "spec.bandwidthPerMigration", problems),
            CompletionTimeoutPerGiB = Units.Seconds(spec.CompletionTimeoutPerGiB, "spec.completionTimeoutPerGiB", problems),
            AllowPostCopy = spec.AllowPostCopy,
            AllowWorkloadDisruption = spec.AllowWorkloadDisruption,
            MaxDowntime = Units.Milliseconds(spec.MaxDowntimeMs, "spec.maxDowntimeMs", problems),
        };
        return (policy, problems);
    }
}
