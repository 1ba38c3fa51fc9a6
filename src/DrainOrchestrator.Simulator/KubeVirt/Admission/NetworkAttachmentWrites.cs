using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// NetworkAttachmentDefinitions: created, replaced and deleted in the model as in the store. The CNI configuration is
/// kept as written, like the real API server does (Multus reads it only when it attaches a pod), so an unusable one is
/// accepted: it breaks the migration network the way it would on a real cluster.
/// </summary>
internal static class NetworkAttachmentWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var wire = WireJson.FromObject(request.Object, KubernetesJsonContext.Default.NetworkAttachmentDefinition);
        var ns = wire.Metadata.Namespace ?? "default";
        var name = wire.Metadata.Name ?? ObjectDiff.Name(request.Object);
        if (request.Options.DryRun)
        {
            return AdmissionResult.Allow;
        }

        if (request.Operation == AdmissionOperation.Delete)
        {
            model.Now().DeleteNetworkAttachment(ns, name);
            return AdmissionResult.Allow;
        }

        if (request.Operation == AdmissionOperation.Create && request.Store.Get(request.Type, ns, name) is not null)
        {
            return AdmissionResult.Allow; // the store answers AlreadyExists; the model keeps the stored one
        }

        model.Now().UpsertNetworkAttachment(new NetworkAttachment(ns, name, wire.Spec.Config ?? ""));
        return AdmissionResult.Allow;
    }
}
