using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Simulator.KubeVirt.Sync;

/// <summary>
/// Writes the model's whole starting state into an empty store: namespaces (the usual system ones too), nodes, the
/// KubeVirt CR, MigrationPolicies, NetworkAttachmentDefinitions, then every VM with its VMI and virt-launcher pod.
/// </summary>
internal static class InitialRender
{
    private static readonly string[] SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease", KubeVirtNames.KubeVirtNamespace];

    public static void Write(SimulatedCluster cluster, StoreWriter writer, ClusterRenderer renderer, CancellationToken cancellationToken)
    {
        var store = writer.Store;
        foreach (var ns in cluster.GetNamespaces())
        {
            writer.Upsert(BuiltInResourceTypes.Namespaces, ClusterRenderer.Namespace(ns.Name, ns.Labels), NamespaceRenderer.OwnedPaths);
        }

        foreach (var name in SystemNamespaces.Where(n => store.Get(BuiltInResourceTypes.Namespaces, null, n) is null))
        {
            store.Create(BuiltInResourceTypes.Namespaces, ClusterRenderer.Namespace(name, new Dictionary<string, string>()), WriteOptions.Controller);
        }

        var start = renderer.Context.StartedAt;
        foreach (var node in cluster.GetNodes())
        {
            writer.Upsert(BuiltInResourceTypes.Nodes, renderer.Node(node, start), NodeRenderer.OwnedPathsOf(node));
        }

        var kubevirt = renderer.KubeVirt(cluster.MigrationConfig);
        if (kubevirt["status"] is JsonObject kubevirtStatus)
        {
            kubevirtStatus["synchronizationAddresses"] = SynchronizationControllerRenderer.Addresses(cluster.SynchronizationAddress);
        }

        writer.Upsert(BuiltInResourceTypes.KubeVirts, kubevirt, []);
        foreach (var (storageClass, index) in cluster.StorageClasses.Select((s, i) => (s, i)))
        {
            store.Create(BuiltInResourceTypes.StorageClasses, StorageClass(storageClass, isDefault: index == 0), WriteOptions.Controller);
        }

        store.Create(BuiltInResourceTypes.Pods, SynchronizationControllerRenderer.Pod(start, cluster.SynchronizationPodIp), WriteOptions.Controller with { IncludeStatus = true });
        store.Create(BuiltInResourceTypes.Leases, SynchronizationControllerRenderer.Lease(start), WriteOptions.Controller);
        foreach (var policy in cluster.GetMigrationPolicies())
        {
            writer.Upsert(BuiltInResourceTypes.MigrationPolicies, renderer.MigrationPolicy(policy), []);
        }

        foreach (var attachment in cluster.GetNetworkAttachments())
        {
            writer.Upsert(BuiltInResourceTypes.NetworkAttachmentDefinitions, renderer.NetworkAttachment(attachment), []);
        }

        var vmis = cluster.GetVmis().ToDictionary(v => $"{v.Namespace}/{v.Name}", StringComparer.Ordinal);
        foreach (var vm in cluster.GetVirtualMachines())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vmi = vmis.GetValueOrDefault($"{vm.Namespace}/{vm.Name}");
            writer.Upsert(BuiltInResourceTypes.VirtualMachines, renderer.VirtualMachine(vm, vmi), VirtualMachineRenderer.OwnedPaths);
            if (vmi is not null)
            {
                writer.Upsert(BuiltInResourceTypes.VirtualMachineInstances, renderer.Vmi(vmi), VmiRenderer.OwnedPathsOf(vmi));
            }
        }

        foreach (var pod in cluster.GetPods())
        {
            writer.Upsert(BuiltInResourceTypes.Pods, renderer.Pod(pod, start), PodRenderer.OwnedPaths);
        }
    }

    private static JsonObject StorageClass(string name, bool isDefault) => new()
    {
        ["apiVersion"] = "storage.k8s.io/v1",
        ["kind"] = "StorageClass",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["annotations"] = new JsonObject { ["storageclass.kubernetes.io/is-default-class"] = isDefault ? "true" : "false" },
        },
        ["provisioner"] = "kubernetes.io/no-provisioner",
        ["reclaimPolicy"] = "Delete",
        ["volumeBindingMode"] = "Immediate",
    };
}
