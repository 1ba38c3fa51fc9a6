namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The reasons KubeVirt gives when a VMI's <c>LiveMigratable</c> condition is False.</summary>
public static class LiveMigratableReasons
{
    /// <summary>A non-shared ReadWriteOnce volume.</summary>
    public const string DisksNotLiveMigratable = "DisksNotLiveMigratable";

    /// <summary>Bridge binding on the pod network.</summary>
    public const string InterfaceNotLiveMigratable = "InterfaceNotLiveMigratable";

    /// <summary>A host device is attached.</summary>
    public const string HostDeviceNotLiveMigratable = "HostDeviceNotLiveMigratable";

    /// <summary>A hot-plugged device prevents migration.</summary>
    public const string HotplugNotLiveMigratable = "HotplugNotLiveMigratable";

    /// <summary>The CPU mode prevents migration.</summary>
    public const string CpuModeNotLiveMigratable = "CPUModeLiveMigratable";

    /// <summary>SEV is enabled.</summary>
    public const string SevNotLiveMigratable = "SEVNotLiveMigratable";

    /// <summary>A persistent reservation is configured.</summary>
    public const string PersistentReservationNotLiveMigratable = "PersistentReservationNotLiveMigratable";

    /// <summary>Every reason a scenario may name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DisksNotLiveMigratable, InterfaceNotLiveMigratable, HostDeviceNotLiveMigratable, HotplugNotLiveMigratable,
        CpuModeNotLiveMigratable, SevNotLiveMigratable, PersistentReservationNotLiveMigratable,
    ];
}
