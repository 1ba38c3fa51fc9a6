namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The names a decentralized live migration uses (KubeVirt's gate DecentralizedLiveMigration, CDI's blank DataVolumes).</summary>
public static class DecentralizedMigration
{
    /// <summary>The KubeVirt feature gate.</summary>
    public const string FeatureGate = "DecentralizedLiveMigration";

    /// <summary>The run strategy of a VM that waits to receive a migration.</summary>
    public const string WaitAsReceiver = "WaitAsReceiver";

    /// <summary>The annotation naming the receiver's run strategy once the migration succeeded.</summary>
    public const string RestoreRunStrategyAnnotation = "kubevirt.io/restore-run-strategy";

    /// <summary>CDI's annotation asking for a volume populator (value <c>"true"</c>).</summary>
    public const string UsePopulatorAnnotation = "cdi.kubevirt.io/storage.usePopulator";

    /// <summary>The synchronization controller's Lease (and Pods') namespace.</summary>
    public const string ControllerNamespace = "kubevirt";

    /// <summary>The synchronization controller's leader-election Lease, whose holder is a Pod.</summary>
    public const string ControllerLeaseName = "virt-synchronization-controller";

    /// <summary>The port of the synchronization controller on its Pod's IP.</summary>
    public const int ControllerPort = 9185;

    /// <summary>The KubeVirt CR's usual namespace and name.</summary>
    public const string KubeVirtName = "kubevirt";

    /// <summary>VMIM phase: a decentralized pair waits for its other side or for slots.</summary>
    public const string PhaseWaitingForSync = "WaitingForSync";

    /// <summary>VMIM phase: the receiver's pod is being prepared.</summary>
    public const string PhaseSynchronizing = "Synchronizing";
}
