namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>KubeVirt's VMIM create webhook: the checks and the wording of its denials.</summary>
internal static class VmimAdmission
{
    /// <summary>
    /// The denial message, or null when the VMIM is admitted. The in-flight check reads virt-api's cache, which lags
    /// <paramref name="cacheLag"/> behind: a VMIM created less than that before <paramref name="now"/> is not in it yet.
    /// </summary>
    public static string? Check(VmState? vm, string vmiName, DateTimeOffset now, TimeSpan cacheLag)
    {
        if (vm?.VmiUid is null)
        {
            return $"the VMI \"{vmiName}\" does not exist under the cache";
        }

        if (vm.Phase is VmiPhase.Succeeded or VmiPhase.Failed)
        {
            return "Cannot migrate VMI in finalized state.";
        }

        if (vm.Phase != VmiPhase.Running)
        {
            return $"Cannot migrate VMI {vmiName}: the VMI is not running.";
        }

        if (vm.NonMigratableReason is { } reason)
        {
            return $"Cannot migrate VMI, Reason: {reason}, Message: {DescribeReason(reason)}";
        }

        if (vm.ActiveMigration is { } active && now - active.CreatedAt >= cacheLag)
        {
            return $"in-flight migration detected. Active migration job ({active.Uid}) is currently already in progress for VMI {vmiName}.";
        }

        return null;
    }

    private static string DescribeReason(string reason) => reason switch
    {
        LiveMigratableReasons.DisksNotLiveMigratable =>
            "cannot migrate VMI: PVC is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)",
        LiveMigratableReasons.InterfaceNotLiveMigratable =>
            "cannot migrate VMI which does not use masquerade to connect to the pod network or bridge with kubevirt.io/allow-pod-bridge-network-live-migration VM annotation",
        LiveMigratableReasons.HostDeviceNotLiveMigratable => "VMI uses a PCI host devices",
        LiveMigratableReasons.HotplugNotLiveMigratable => "VMI has hotplugged devices that cannot be migrated",
        LiveMigratableReasons.SevNotLiveMigratable => "VMI uses SEV",
        LiveMigratableReasons.PersistentReservationNotLiveMigratable => "VMI uses SCSI persistent reservation",
        _ => "VMI is not live migratable",
    };
}
