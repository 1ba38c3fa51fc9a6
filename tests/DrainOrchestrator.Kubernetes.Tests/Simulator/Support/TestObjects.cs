using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>Typed objects of every kind the client models, as the seed and the tests create them.</summary>
internal static class TestObjects
{
    public static Namespace Namespace(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new() { ["kubernetes.io/metadata.name"] = name } },
    };

    public static Node Node(string name, string rack, bool cordoned = false) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Labels = new() { ["kubernetes.io/hostname"] = name, ["node-role.kubernetes.io/worker"] = "", ["rack"] = rack },
        },
        Spec = new NodeSpec { Unschedulable = cordoned ? true : null },
        Status = new NodeStatus
        {
            Capacity = new() { ["cpu"] = Quantity.Parse("32"), ["memory"] = Quantity.Parse("64Gi") },
            Conditions = [new NodeCondition { Type = "Ready", Status = "True" }],
            Addresses = [new NodeAddress { Type = "Hostname", Address = name }],
        },
    };

    public static Lease Lease(string @namespace, string name, string holder, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace, Labels = labels is null ? null : new(labels) },
        Spec = new LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 30 },
    };

    public static VirtualMachine VirtualMachine(string @namespace, string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
        Spec = new VirtualMachineSpec
        {
            RunStrategy = "Always",
            Template = new VirtualMachineInstanceTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new() { ["kubevirt.io/vm"] = name } },
                Spec = Domain(),
            },
        },
    };

    /// <summary>A running VMI on a node, labelled with the node as KubeVirt labels it.</summary>
    public static VirtualMachineInstance Vmi(string @namespace, string name, string node, string app = "db") => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = @namespace,
            Labels = new() { [InformerIndexes.NodeNameLabel] = node, ["kubevirt.io/vm"] = name, ["app"] = app },
        },
        Spec = Domain(),
        Status = new VirtualMachineInstanceStatus { Phase = "Running", NodeName = node, MigrationMethod = "LiveMigration" },
    };

    public static VirtualMachineInstanceMigration Migration(string @namespace, string name, string vmiName) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace, Labels = new() { ["drain"] = "test" } },
        Spec = new VirtualMachineInstanceMigrationSpec { VmiName = vmiName },
    };

    public static MigrationPolicy MigrationPolicy(string name, string workload) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new MigrationPolicySpec
        {
            AllowPostCopy = true,
            Selectors = new MigrationPolicySelectors { VirtualMachineInstanceSelector = new() { ["workload"] = workload } },
        },
    };

    public static KubeVirt KubeVirt(string @namespace, string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
        Spec = new KubeVirtSpec
        {
            Configuration = new KubeVirtConfiguration
            {
                Migrations = new MigrationConfiguration { ParallelMigrationsPerCluster = 5, ParallelOutboundMigrationsPerNode = 2 },
            },
        },
    };

    /// <summary>The virt-launcher pod of a VMI.</summary>
    public static Pod LauncherPod(string @namespace, string vmiName, string node) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = $"virt-launcher-{vmiName}",
            Namespace = @namespace,
            Labels = new() { ["kubevirt.io"] = "virt-launcher", ["vm.kubevirt.io/name"] = vmiName },
        },
        Spec = new PodSpec
        {
            NodeName = node,
            Containers = [new Container { Name = "compute", Image = "quay.io/kubevirt/virt-launcher:v1.5.0" }],
        },
        Status = new PodStatus { Phase = "Running" },
    };

    private static VirtualMachineInstanceSpec Domain() => new()
    {
        EvictionStrategy = "LiveMigrate",
        Domain = new DomainSpec
        {
            Memory = new DomainMemory { Guest = Quantity.Parse("2Gi") },
            Resources = new DomainResources { Requests = new() { ["memory"] = Quantity.Parse("2Gi") } },
        },
    };
}
