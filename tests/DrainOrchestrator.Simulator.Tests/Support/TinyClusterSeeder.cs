using System.Globalization;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// A store-only seed for the API-semantics tests (no cluster model behind it): three worker nodes, the KubeVirt CR, one MigrationPolicy and four
/// running VMs (VM, VMI, virt-launcher pod) on the first two nodes. No finalizers, as no controller would remove them.
/// </summary>
public sealed class TinyClusterSeeder : ISeeder
{
    /// <summary>The nodes seeded.</summary>
    public static IReadOnlyList<string> NodeNames { get; } = ["node-1", "node-2", "node-3"];

    /// <inheritdoc />
    public async Task SeedAsync(ObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await new EmptySeeder().SeedAsync(store, cancellationToken);
        var write = WriteOptions.Controller;
        store.Create(BuiltInResourceTypes.Namespaces, SeedObjects.Namespace("kubevirt"), write);
        var now = store.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        for (var i = 0; i < NodeNames.Count; i++)
        {
            store.Create(BuiltInResourceTypes.Nodes, SeedObjects.Node(NodeNames[i], "64Gi", "v1.32.0", $"10.0.0.{i + 1}", now), write);
        }

        store.Create(BuiltInResourceTypes.KubeVirts, SeedObjects.KubeVirt(), write);
        store.Create(BuiltInResourceTypes.MigrationPolicies,
            SeedObjects.MigrationPolicy("batch-post-copy", new Dictionary<string, string> { ["workload"] = "batch" }, allowPostCopy: true), write);
        for (var i = 0; i < 4; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddRunningVm(store, "default", $"vm-{i + 1}", NodeNames[i % 2], "2Gi");
        }
    }

    /// <summary>Adds a running VM with its VMI and virt-launcher pod.</summary>
    public static void AddRunningVm(ObjectStore store, string ns, string name, string node, string memory)
    {
        ArgumentNullException.ThrowIfNull(store);
        var write = WriteOptions.Controller;
        var vm = store.Create(BuiltInResourceTypes.VirtualMachines, SeedVirtualMachines.VirtualMachine(ns, name, memory), write);
        var vmi = store.Create(BuiltInResourceTypes.VirtualMachineInstances, SeedVirtualMachines.Instance(ns, name, node, memory, vm.Uid), write);
        store.Create(BuiltInResourceTypes.Pods, SeedVirtualMachines.LauncherPod(ns, name, vmi.Uid, node, vmi.Uid[..5]), write);
    }
}
