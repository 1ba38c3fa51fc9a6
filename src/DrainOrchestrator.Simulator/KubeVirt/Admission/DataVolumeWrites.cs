using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// CDI DataVolumes: a create with a blank source (<c>spec.source.blank</c>) and a size in <c>spec.storage</c> (or
/// <c>spec.pvc</c>) becomes a model DataVolume, which binds a PVC of the same name when its storage class exists; other
/// sources are refused as not modelled. The spec cannot change; a delete deletes the PVC too.
/// </summary>
internal static class DataVolumeWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var obj = request.Object;
        var name = ObjectDiff.Name(obj);
        var ns = ObjectDiff.Namespace(obj);
        switch (request.Operation)
        {
            case AdmissionOperation.Delete:
                if (!request.Options.DryRun)
                {
                    model.Now().DeleteDataVolume(ns, name);
                }

                return AdmissionResult.Allow;
            case AdmissionOperation.Update:
                return ObjectDiff.Changed(request.OldObject?.ToJsonObject(), obj, "spec")
                    ? AdmissionResult.Deny(ModelDenials.FieldNotModelled(request.Type, name, "spec",
                        "the spec of a DataVolume cannot be changed once it is created"))
                    : AdmissionResult.Allow;
        }

        var problems = new List<(string Field, string Message)>();
        if (ObjectDiff.Find(obj, "spec", "source", "blank") is not JsonObject)
        {
            problems.Add(("spec.source", "only a blank source (spec.source.blank: {}) is modelled, as a decentralized migration's target disk"));
        }

        var storage = ObjectDiff.Find(obj, "spec", "storage") as JsonObject ?? ObjectDiff.Find(obj, "spec", "pvc") as JsonObject;
        var size = ObjectDiff.Find(storage, "resources", "requests", "storage")?.ToString();
        if (!Quantities.TryParseBytes(size, out var bytes) || bytes <= 0)
        {
            problems.Add(("spec.storage.resources.requests.storage", $"a positive size is required (e.g. 10Gi), was '{size}'"));
        }

        if (problems.Count > 0)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name, problems));
        }

        if (request.Store.Get(request.Type, ns, name) is not null || request.Options.DryRun)
        {
            return AdmissionResult.Allow; // the store answers AlreadyExists; a dry run changes nothing
        }

        var storageClass = ObjectDiff.Find(storage, "storageClassName")?.ToString() ?? "";
        var uid = ObjectDiff.Find(obj, "metadata", "uid")?.ToString() ?? "";
        if (model.Now().CreateDataVolume(new DataVolumeRequest(ns, name, uid, storageClass, bytes)) is { } refusal)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name, [("metadata.name", refusal)]));
        }

        obj["status"] = new JsonObject { ["phase"] = "Pending", ["progress"] = "N/A" };
        return AdmissionResult.Allow;
    }
}
