using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>The KubeVirt CR <c>kubevirt/kubevirt</c>, deployed, with the scenario's migration configuration.</summary>
internal static class KubeVirtRenderer
{
    public static Kubernetes.Models.KubeVirt Render(MigrationConfig config, DateTimeOffset startedAt) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = KubeVirtNames.KubeVirtName,
            Namespace = KubeVirtNames.KubeVirtNamespace,
            CreationTimestamp = startedAt,
        },
        Spec = new KubeVirtSpec
        {
            Configuration = new KubeVirtConfiguration { Migrations = WireConversions.Configuration(config) },
        },
        Status = new KubeVirtStatus
        {
            Phase = "Deployed",
            ObservedKubeVirtVersion = KubeVirtNames.Version,
            TargetKubeVirtVersion = KubeVirtNames.Version,
            Conditions = [WireConversions.Condition("Available", true, startedAt, "AllResourcesReady", "All components are ready.")],
        },
    };
}
