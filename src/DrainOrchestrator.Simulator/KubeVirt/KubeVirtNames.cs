namespace DrainOrchestrator.Simulator.KubeVirt;

/// <summary>The label keys, finalizers and fixed names KubeVirt and Kubernetes put on the objects the simulator renders.</summary>
public static class KubeVirtNames
{
    /// <summary>On a VMI: the node it runs on (select a node's VMIs with it).</summary>
    public const string NodeNameLabel = "kubevirt.io/nodeName";

    /// <summary>On a VMIM: the VMI it migrates.</summary>
    public const string VmiNameLabel = "kubevirt.io/vmi-name";

    /// <summary>The finalizer KubeVirt puts on every VMIM.</summary>
    public const string MigrationFinalizer = "kubevirt.io/migrationJobFinalize";

    /// <summary>On a virt-launcher pod: <c>virt-launcher</c>.</summary>
    public const string AppLabel = "kubevirt.io";

    /// <summary>On a virt-launcher pod: the uid of its VMI.</summary>
    public const string CreatedByLabel = "kubevirt.io/created-by";

    /// <summary>On a virt-launcher pod: the name of its VMI.</summary>
    public const string VmNameLabel = "vm.kubevirt.io/name";

    /// <summary>On a migration target pod: the VMIM's uid.</summary>
    public const string MigrationJobUidLabel = "kubevirt.io/migrationJobUID";

    /// <summary>On a node: virt-handler runs there and it may host VMIs.</summary>
    public const string SchedulableLabel = "kubevirt.io/schedulable";

    /// <summary>On a node: its name.</summary>
    public const string HostnameLabel = "kubernetes.io/hostname";

    /// <summary>On a namespace: its name.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>The taint the node lifecycle controller puts on a cordoned node.</summary>
    public const string UnschedulableTaint = "node.kubernetes.io/unschedulable";

    /// <summary>The taint the node lifecycle controller puts on a NotReady node.</summary>
    public const string NotReadyTaint = "node.kubernetes.io/not-ready";

    /// <summary>The KubeVirt CR's namespace and name.</summary>
    public const string KubeVirtNamespace = "kubevirt";

    /// <summary>The KubeVirt CR's name.</summary>
    public const string KubeVirtName = "kubevirt";

    /// <summary>The KubeVirt version the simulated cluster reports.</summary>
    /// <summary>The ServiceAccount virt-controller runs as (in <see cref="KubeVirtNamespace"/>).</summary>
    public const string ControllerServiceAccount = "kubevirt-controller";

    public const string Version = "v1.9.0";

    /// <summary>The VMIM condition set once its deletion asked for an abort.</summary>
    public const string AbortRequestedCondition = "migrationAbortRequested";
}
