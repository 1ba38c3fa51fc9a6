using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// Namespace writes: a new namespace, or new labels on one, reach the model (MigrationPolicy namespace selectors match
/// them). The namespace is labelled with its name as kube-apiserver does. Deleting one is refused.
/// </summary>
internal static class NamespaceWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var obj = request.Object;
        var name = ObjectDiff.Name(obj);
        if (request.Operation == AdmissionOperation.Delete)
        {
            return AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, "delete",
                "deleting a namespace and everything in it is not modelled"));
        }

        if (request.Operation == AdmissionOperation.Create && request.Store.Get(request.Type, null, name) is not null)
        {
            return AdmissionResult.Allow; // the store answers AlreadyExists
        }

        var metadata = obj["metadata"]!.AsObject();
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels[KubeVirtNames.NamespaceNameLabel] = name;
        var changed = request.Operation == AdmissionOperation.Create || ObjectDiff.Changed(request.OldObject?.ToJsonObject(), obj, "metadata", "labels");
        if (changed && !request.Options.DryRun)
        {
            model.Now().SetNamespaceLabels(name, ObjectDiff.Labels(obj));
        }

        return AdmissionResult.Allow;
    }
}
