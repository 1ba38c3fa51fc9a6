using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// VirtualMachine writes: a change of the template's labels reaches the model (and the running VMI, as the model keeps
/// them together); metadata is the client's. VMs come from the scenario: creating or deleting one, or changing the rest
/// of its spec, is refused, except a decentralized migration's receiver (<see cref="ReceiverVmWrites"/>).
/// </summary>
internal static class VirtualMachineWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var obj = request.Object;
        var name = ObjectDiff.Name(obj);
        if (request.Operation == AdmissionOperation.Create)
        {
            return ReceiverVmWrites.Create(request, model);
        }

        if (request.Operation == AdmissionOperation.Delete)
        {
            return ReceiverVmWrites.Delete(request, model);
        }

        var old = request.OldObject!.ToJsonObject();
        if (!JsonNode.DeepEquals(WithoutTemplateLabels(old), WithoutTemplateLabels(obj)))
        {
            return AdmissionResult.Deny(ModelDenials.FieldNotModelled(request.Type, name, "spec",
                "only spec.template.metadata.labels of a VirtualMachine can change; the rest comes from the scenario"));
        }

        if (ObjectDiff.Changed(old, obj, "spec", "template", "metadata", "labels") && !request.Options.DryRun)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (ObjectDiff.Find(obj, "spec", "template", "metadata", "labels") is JsonObject map)
            {
                foreach (var (key, value) in map)
                {
                    labels[key] = value?.ToString() ?? "";
                }
            }

            model.Now().SetVmiLabels(ObjectDiff.Namespace(obj), name, labels);
        }

        return AdmissionResult.Allow;
    }

    private static JsonNode? WithoutTemplateLabels(JsonObject obj)
    {
        var spec = obj["spec"]?.DeepClone();
        (spec?["template"]?["metadata"] as JsonObject)?.Remove("labels");
        return spec;
    }
}
