using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>Renders model snapshots as the JSON objects the store keeps, each through its wire model.</summary>
internal sealed class ClusterRenderer(RenderContext context)
{
    private static KubernetesJsonContext Json => KubernetesJsonContext.Default;

    public RenderContext Context => context;

    public JsonObject Node(NodeSnapshot node, DateTimeOffset at) => WireJson.ToObject(NodeRenderer.Render(node, context, at), Json.Node);

    public static JsonObject Namespace(string name, IReadOnlyDictionary<string, string> labels) =>
        WireJson.ToObject(NamespaceRenderer.Render(name, labels), Json.Namespace);

    public JsonObject VirtualMachine(VirtualMachineSnapshot vm, VmiSnapshot? vmi)
    {
        context.Remember(vm);
        var rendered = WireJson.ToObject(VirtualMachineRenderer.Render(vm, vmi), Json.VirtualMachine);
        MacAddressRenderer.AddToSpec(rendered["spec"]?["template"]?["spec"] as JsonObject, vm.MacAddress);
        return rendered;
    }

    public static JsonObject VirtualMachineStatus(VirtualMachineSnapshot? vm, VmiSnapshot vmi) => WireJson.ToObject(
        new Kubernetes.Models.VirtualMachine { Status = VirtualMachineRenderer.Status(vm?.HasVmi ?? true, vmi) }, Json.VirtualMachine);

    public JsonObject Vmi(VmiSnapshot vmi)
    {
        var rendered = WireJson.ToObject(
            VmiRenderer.Render(vmi, context.VirtualMachine(vmi.Namespace, vmi.Name), context), Json.VirtualMachineInstance);
        MacAddressRenderer.AddToSpec(rendered["spec"] as JsonObject, vmi.MacAddress);
        MacAddressRenderer.AddToStatus(rendered["status"] as JsonObject, vmi.MacAddress);
        return rendered;
    }

    public JsonObject Pod(PodSnapshot pod, DateTimeOffset at) => WireJson.ToObject(PodRenderer.Render(pod, context, at), Json.Pod);

    public JsonObject VmimStatus(VmimSnapshot migration, DateTimeOffset at)
    {
        var rendered = WireJson.ToObject(
            new VirtualMachineInstanceMigration { Status = VmimRenderer.Status(migration, context, at) }, Json.VirtualMachineInstanceMigration);
        if (migration.SynchronizationAddresses.Count > 0 && rendered["status"] is JsonObject status)
        {
            status["synchronizationAddresses"] = new JsonArray([.. migration.SynchronizationAddresses.Select(a => (JsonNode?)a)]);
        }

        return rendered;
    }

    public JsonObject Vmim(VmimSnapshot migration, DateTimeOffset at) =>
        WireJson.ToObject(VmimRenderer.Render(migration, context, at), Json.VirtualMachineInstanceMigration);

    public JsonObject KubeVirt(MigrationConfig config) =>
        WireJson.ToObject(KubeVirtRenderer.Render(config, context.StartedAt), Json.KubeVirt);

    public JsonObject NetworkAttachment(Cluster.NetworkAttachment attachment) => WireJson.ToObject(new NetworkAttachmentDefinition
    {
        Metadata = new ObjectMeta { Namespace = attachment.Namespace, Name = attachment.Name, CreationTimestamp = context.StartedAt },
        Spec = new NetworkAttachmentDefinitionSpec { Config = attachment.Config },
    }, Json.NetworkAttachmentDefinition);

    public JsonObject MigrationPolicy(Cluster.MigrationPolicy policy) =>
        WireJson.ToObject(MigrationPolicyRenderer.Render(policy, context.StartedAt), Json.MigrationPolicy);
}
