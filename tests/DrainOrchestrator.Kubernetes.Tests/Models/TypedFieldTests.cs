using System.Text.Json;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

public sealed class TypedFieldTests
{
    [Fact]
    public void Deserialize_Node_ReadsSpecAndStatus()
    {
        var node = JsonSerializer.Deserialize(Samples.Read("node.json"), KubernetesJsonContext.Default.Node)!;

        Assert.True(node.Spec!.Unschedulable);
        Assert.Equal("10.244.1.0/24", node.Spec.PodCidr);
        Assert.Equal("kind://docker/kind/worker-1", node.Spec.ProviderId);
        Assert.Equal("NoSchedule", Assert.Single(node.Spec.Taints!).Effect);
        Assert.Equal(128L * 1024 * 1024 * 1024, node.Status!.Allocatable!["memory"].ToInt64());
        Assert.Equal(31.5m, node.Status.Allocatable["cpu"].Value);
        Assert.Equal("v1.31.2", node.Status.NodeInfo!.KubeletVersion);
        Assert.Equal("True", node.Status.Conditions!.Single(c => c.Type == "Ready").Status);
        Assert.Equal("worker-1", node.Metadata["kubernetes.io/hostname"]);
    }

    [Fact]
    public void Deserialize_Vmi_ReadsMigrationStateAndMemory()
    {
        var vmi = JsonSerializer.Deserialize(Samples.Read("virtualmachineinstance.json"),
            KubernetesJsonContext.Default.VirtualMachineInstance)!;

        var state = vmi.Status!.MigrationState!;
        Assert.Equal(Quantity.Parse("16Gi"), vmi.Spec!.Domain!.Memory!.Guest);
        Assert.Equal("LiveMigrate", vmi.Spec.EvictionStrategy);
        Assert.Equal("worker-1", vmi.Status.EvacuationNodeName);
        Assert.Equal("PreCopy", state.Mode);
        Assert.Equal("gold-tier", state.MigrationPolicyName);
        Assert.Equal(64L * 1024 * 1024, state.MigrationConfiguration!.BandwidthPerMigration!.ToInt64());
        Assert.Equal(900, state.MigrationConfiguration.MaxDowntimeMs);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 4, 0, TimeSpan.Zero), state.StartTimestamp);
        Assert.Equal([2, 3, 4, 5], state.TargetCpuSet!);
        Assert.Equal("10.244.2.31", Assert.Single(vmi.Status.Interfaces!).IpAddress);
        Assert.Equal("True", vmi.Status.Conditions!.Single(c => c.Type == "LiveMigratable").Status);
    }

    [Fact]
    public void Deserialize_MigrationPolicyAndKubeVirt_ReadOptions()
    {
        var policy = JsonSerializer.Deserialize(Samples.Read("migrationpolicy.json"), KubernetesJsonContext.Default.MigrationPolicy)!;
        var kubeVirt = JsonSerializer.Deserialize(Samples.Read("kubevirt.json"), KubernetesJsonContext.Default.KubeVirt)!;

        Assert.Equal("gold", policy.Spec.Selectors!.NamespaceSelector!["tier"]);
        Assert.Equal(2, policy.Spec.Selectors.VirtualMachineInstanceSelector!.Count);
        Assert.Equal(300, policy.Spec.CompletionTimeoutPerGiB);
        var migrations = kubeVirt.Spec.Configuration!.Migrations!;
        Assert.Equal(5, migrations.ParallelMigrationsPerCluster);
        Assert.Equal(2, migrations.ParallelOutboundMigrationsPerNode);
        Assert.Equal(150, migrations.ProgressTimeout);
        Assert.Equal("LiveMigrate", kubeVirt.Spec.Configuration.EvictionStrategy);
        Assert.Equal("Deployed", kubeVirt.Status!.Phase);
    }

    [Fact]
    public void Deserialize_VmimAndLease_ReadPhasesAndTimes()
    {
        var vmim = JsonSerializer.Deserialize(Samples.Read("virtualmachineinstancemigration.json"),
            KubernetesJsonContext.Default.VirtualMachineInstanceMigration)!;
        var lease = JsonSerializer.Deserialize(Samples.Read("lease.json"), KubernetesJsonContext.Default.Lease)!;

        Assert.Equal("db-01", vmim.Spec.VmiName);
        Assert.Equal("worker-2", vmim.Spec.AddedNodeSelector!["kubernetes.io/hostname"]);
        Assert.Equal(7, vmim.Status!.PhaseTransitionTimestamps!.Count);
        Assert.Equal("Succeeded", vmim.Status.Phase);
        Assert.Equal("drain-orchestrator/engine-0", lease.Spec!.HolderIdentity);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 5, 0, TimeSpan.Zero).AddTicks(6543210), lease.Spec.RenewTime);
    }

    [Fact]
    public void Deserialize_PodAffinity_ReadsNodeAndPodTerms()
    {
        var pod = JsonSerializer.Deserialize(Samples.Read("pod.json"), KubernetesJsonContext.Default.Pod)!;

        var affinity = pod.Spec!.Affinity!;
        var term = Assert.Single(affinity.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms);
        Assert.Equal(["zone-a", "zone-b"], term.MatchExpressions![0].Values!);
        Assert.Equal(100, affinity.PodAntiAffinity!.PreferredDuringSchedulingIgnoredDuringExecution![0].Weight);
        Assert.Equal("compute", Assert.Single(pod.Spec.Containers!).Name);
        Assert.Equal(Quantity.Parse("4461Mi"), pod.Spec.Containers![0].Resources!.Requests!["memory"]);
        Assert.Equal("10.244.1.17", pod.Status!.PodIp);
    }
}
