using DrainOrchestrator.Kubernetes.Models;
using Model = DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>A model MigrationPolicy as migrations.kubevirt.io/v1alpha1 MigrationPolicy.</summary>
internal static class MigrationPolicyRenderer
{
    public static MigrationPolicy Render(Model.MigrationPolicy policy, DateTimeOffset startedAt) => new()
    {
        Metadata = new ObjectMeta { Name = policy.Name, CreationTimestamp = startedAt },
        Spec = new MigrationPolicySpec
        {
            Selectors = new MigrationPolicySelectors
            {
                NamespaceSelector = WireConversions.LabelsOrNull(policy.NamespaceSelector),
                VirtualMachineInstanceSelector = WireConversions.LabelsOrNull(policy.VirtualMachineInstanceSelector),
            },
            AllowAutoConverge = policy.AllowAutoConverge,
            BandwidthPerMigration = policy.BandwidthPerMigration is { } bandwidth ? WireConversions.Bytes(bandwidth) : null,
            CompletionTimeoutPerGiB = policy.CompletionTimeoutPerGiB is { } timeout ? WireConversions.Seconds(timeout) : null,
            MaxDowntimeMs = policy.MaxDowntime is { } downtime ? WireConversions.Milliseconds(downtime) : null,
            AllowPostCopy = policy.AllowPostCopy,
            AllowWorkloadDisruption = policy.AllowWorkloadDisruption,
        },
    };
}
