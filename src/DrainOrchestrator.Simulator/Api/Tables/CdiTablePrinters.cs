using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>
/// CDI's DataVolume printer columns (the additionalPrinterColumns of its CRD, as cdi-operator installs them) and
/// kube-apiserver 1.32's printer for PersistentVolumeClaims, as <c>kubectl get dv,pvc</c> shows them.
/// </summary>
internal static class CdiTablePrinters
{
    private const string Unset = "<unset>";

    /// <summary>DataVolumes: NAME PHASE PROGRESS RESTARTS AGE (a missing value stays null, as for any CRD column).</summary>
    public static TablePrinter DataVolumes { get; } = new(
        [
            TableColumn.ObjectName,
            new TableColumn("Phase", "string", "The phase the data volume is in"),
            new TableColumn("Progress", "string", "Transfer progress in percentage if known, N/A otherwise"),
            new TableColumn("Restarts", "integer", "The number of times the transfer has been restarted."),
            new TableColumn("Age", "date", ""),
        ],
        (dv, now) =>
        [
            ObjectFields.Name(dv),
            ObjectFields.Text(dv, "status", "phase"),
            ObjectFields.Text(dv, "status", "progress"),
            ObjectFields.At(dv, "status", "restartCount")?.DeepClone(),
            ObjectFields.Age(dv, now),
        ]);

    /// <summary>
    /// PersistentVolumeClaims: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE, and
    /// VOLUMEMODE with <c>-o wide</c>. Capacity and access modes show only once a volume is bound, as upstream.
    /// </summary>
    public static TablePrinter PersistentVolumeClaims { get; } = new(
        [
            TableColumn.ObjectName,
            new TableColumn("Status", "string", "Phase represents the current phase of PersistentVolumeClaim."),
            new TableColumn("Volume", "string", "volumeName is the binding reference to the PersistentVolume backing this claim."),
            new TableColumn("Capacity", "string", "capacity represents the actual resources of the underlying volume."),
            new TableColumn("Access Modes", "string", "accessModes contains the actual access modes the volume backing the PVC has."),
            new TableColumn("StorageClass", "string", "StorageClass of the pvc"),
            new TableColumn("VolumeAttributesClass", "string", "VolumeAttributesClass of the pvc"),
            new TableColumn("Age", "string", "How long ago the object was created."),
            new TableColumn("VolumeMode", "string", "volumeMode defines what type of volume is required by the claim.", Priority: 1),
        ],
        (pvc, now) =>
        {
            var volume = ObjectFields.Text(pvc, "spec", "volumeName") ?? "";
            var bound = volume.Length > 0;
            var phase = ObjectFields.Text(pvc, "metadata", "deletionTimestamp") is null
                ? ObjectFields.Text(pvc, "status", "phase") ?? ""
                : "Terminating";
            return
            [
                ObjectFields.Name(pvc),
                phase,
                volume,
                bound ? ObjectFields.Text(pvc, "status", "capacity", "storage") ?? "" : "",
                bound ? AccessModes(pvc) : "",
                NonEmptyOrUnset(ObjectFields.Text(pvc, "spec", "storageClassName")),
                NonEmptyOrUnset(ObjectFields.Text(pvc, "spec", "volumeAttributesClassName")),
                ObjectFields.Age(pvc, now),
                NonEmptyOrUnset(ObjectFields.Text(pvc, "spec", "volumeMode")),
            ];
        });

    private static string NonEmptyOrUnset(string? value) => string.IsNullOrEmpty(value) ? Unset : value;

    /// <summary>kubectl's short access modes (RWO, ROX, RWX, RWOP) in upstream's fixed order, comma separated.</summary>
    private static string AccessModes(JsonObject pvc)
    {
        var modes = ObjectFields.At(pvc, "status", "accessModes") is JsonArray array
            ? array.Select(m => m?.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
            : [];
        string[] order = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];
        string[] shortNames = ["RWO", "ROX", "RWX", "RWOP"];
        return string.Join(',', order.Select((mode, i) => modes.Contains(mode) ? shortNames[i] : null).OfType<string>());
    }
}
