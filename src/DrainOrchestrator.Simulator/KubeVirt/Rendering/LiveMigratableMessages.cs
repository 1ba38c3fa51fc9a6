using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>The message of a VMI's <c>LiveMigratable=False</c> condition, per reason (the simulator's own wording).</summary>
internal static class LiveMigratableMessages
{
    public static string For(string reason) => reason switch
    {
        LiveMigratableReasons.DisksNotLiveMigratable => "a volume is not shared: live migration needs ReadWriteMany storage",
        LiveMigratableReasons.InterfaceNotLiveMigratable => "an interface uses bridge binding on the pod network",
        LiveMigratableReasons.HostDeviceNotLiveMigratable => "a host device is attached",
        LiveMigratableReasons.HotplugNotLiveMigratable => "a hot-plugged device cannot be migrated",
        LiveMigratableReasons.CpuModeNotLiveMigratable => "the CPU mode is host-passthrough",
        LiveMigratableReasons.SevNotLiveMigratable => "SEV is enabled",
        LiveMigratableReasons.PersistentReservationNotLiveMigratable => "a SCSI persistent reservation is configured",
        _ => "the VMI cannot be live-migrated",
    };
}
