using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// A model DataVolume as CDI shows it (the status only: the spec is the client's) and the PVC it binds, as
/// <c>kubectl get dv,pvc</c> reads them: Succeeded/100.0% and Bound once the storage class exists, Pending otherwise.
/// </summary>
internal static class DataVolumeRenderer
{
    /// <summary>The parts of a stored DataVolume the model owns.</summary>
    public static IReadOnlyList<string[]> OwnedPaths { get; } = [["status"]];

    /// <summary>The parts of a DataVolume's PVC the model owns.</summary>
    public static IReadOnlyList<string[]> PvcOwnedPaths { get; } = [["spec"], ["status"]];

    public static JsonObject Status(DataVolumeSnapshot volume) => new()
    {
        ["status"] = new JsonObject
        {
            ["phase"] = volume.Bound ? "Succeeded" : "Pending",
            ["progress"] = volume.Bound ? "100.0%" : "N/A",
            ["claimName"] = volume.Name,
        },
    };

    public static JsonObject Pvc(DataVolumeSnapshot volume)
    {
        var size = BinaryQuantity.Format(volume.SizeBytes);
        var spec = new JsonObject
        {
            ["accessModes"] = new JsonArray("ReadWriteOnce"),
            ["storageClassName"] = volume.StorageClass,
            ["volumeMode"] = "Block",
            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } },
        };
        var status = new JsonObject { ["phase"] = volume.Bound ? "Bound" : "Pending" };
        if (volume.Bound)
        {
            spec["volumeName"] = "pvc-" + volume.Uid;
            status["accessModes"] = new JsonArray("ReadWriteOnce");
            status["capacity"] = new JsonObject { ["storage"] = size };
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject
            {
                ["name"] = volume.Name,
                ["namespace"] = volume.Namespace,
                ["labels"] = new JsonObject { ["app"] = "containerized-data-importer" },
                ["annotations"] = new JsonObject { ["cdi.kubevirt.io/storage.populatedFor"] = volume.Name },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "cdi.kubevirt.io/v1beta1",
                    ["kind"] = "DataVolume",
                    ["name"] = volume.Name,
                    ["uid"] = volume.Uid,
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = spec,
            ["status"] = status,
        };
    }
}
