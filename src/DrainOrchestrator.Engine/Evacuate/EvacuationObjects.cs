using System.Text.Json;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>The objects of one move, built from the source VM: blank DataVolumes, the receiver VM and the two VMIMs.</summary>
internal static class EvacuationObjects
{
    public static DataVolume BlankDataVolume(Guid evacuation, string ns, EvacuationDisk disk, string? storageClass) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = disk.ClaimName,
            Namespace = ns,
            Labels = new() { [EvacuationNames.Label] = evacuation.ToString("D") },
            Annotations = new() { [DecentralizedMigration.UsePopulatorAnnotation] = "true" },
        },
        Spec = new DataVolumeSpec
        {
            Source = new DataVolumeSource { Blank = new DataVolumeBlankSource() },
            Storage = new DataVolumeStorage
            {
                StorageClassName = storageClass ?? disk.StorageClass,
                Resources = new ResourceRequirements { Requests = new() { ["storage"] = Quantity.FromValue(disk.Bytes, QuantityFormat.BinarySI) } },
            },
        },
    };

    /// <summary>The source VM's spec, waiting as a receiver, its volumes naming the blank DataVolumes.</summary>
    public static VirtualMachine ReceiverVm(Guid evacuation, string ns, EvacuationCandidate candidate)
    {
        var source = candidate.Vm;
        // A deep copy through the wire model keeps every field the source VM has, modelled or not.
        var copy = JsonSerializer.Deserialize(JsonSerializer.Serialize(source.Spec ?? new VirtualMachineSpec(),
            KubernetesJsonContext.Default.VirtualMachineSpec), KubernetesJsonContext.Default.VirtualMachineSpec)!;
        var restore = copy.RunStrategy is { } strategy && strategy != DecentralizedMigration.WaitAsReceiver
            ? strategy
            : copy.Running == false ? "Halted" : "Always";
        copy.RunStrategy = DecentralizedMigration.WaitAsReceiver;
        copy.Running = null;
        foreach (var volume in copy.Template?.Spec?.Volumes ?? [])
        {
            if (volume.PersistentVolumeClaim is { ClaimName: { } claim })
            {
                volume.PersistentVolumeClaim = null;
                volume.DataVolume = new VmVolumeDataVolume { Name = claim };
            }
        }

        var labels = new Dictionary<string, string>(source.Metadata.Labels ?? [], StringComparer.Ordinal) { [EvacuationNames.Label] = evacuation.ToString("D") };
        return new VirtualMachine
        {
            Metadata = new ObjectMeta
            {
                Name = candidate.Name,
                Namespace = ns,
                Labels = labels,
                Annotations = new() { [DecentralizedMigration.RestoreRunStrategyAnnotation] = restore },
            },
            Spec = copy,
        };
    }

    public static VirtualMachineInstanceMigration ReceiverVmim(Guid evacuation, string ns, string name, string vmName, string migrationId) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = new() { [EvacuationNames.Label] = evacuation.ToString("D") } },
        Spec = new VirtualMachineInstanceMigrationSpec { VmiName = vmName, Receive = new MigrationReceive { MigrationId = migrationId } },
    };

    public static VirtualMachineInstanceMigration SourceVmim(Guid evacuation, string ns, string name, string vmName, string migrationId,
        string connectUrl) => new()
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = new() { [EvacuationNames.Label] = evacuation.ToString("D") } },
            Spec = new VirtualMachineInstanceMigrationSpec
            {
                VmiName = vmName,
                SendTo = new MigrationSendTo { MigrationId = migrationId, ConnectUrl = connectUrl },
            },
        };
}
