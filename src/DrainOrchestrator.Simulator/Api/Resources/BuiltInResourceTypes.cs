namespace DrainOrchestrator.Simulator.Api.Resources;

/// <summary>The resource types the simulator serves: the Kubernetes core types a drain touches and KubeVirt's.</summary>
public static class BuiltInResourceTypes
{
    /// <summary>core/v1 nodes.</summary>
    public static ResourceType Nodes { get; } = new()
    {
        Group = "",
        Version = "v1",
        Plural = "nodes",
        Singular = "node",
        Kind = "Node",
        Namespaced = false,
        ShortNames = ["no"],
        SelectableFields = ["spec.unschedulable"],
    };

    /// <summary>core/v1 namespaces.</summary>
    public static ResourceType Namespaces { get; } = new()
    {
        Group = "",
        Version = "v1",
        Plural = "namespaces",
        Singular = "namespace",
        Kind = "Namespace",
        Namespaced = false,
        ShortNames = ["ns"],
        SelectableFields = ["status.phase"],
    };

    /// <summary>core/v1 pods.</summary>
    public static ResourceType Pods { get; } = new()
    {
        Group = "",
        Version = "v1",
        Plural = "pods",
        Singular = "pod",
        Kind = "Pod",
        Namespaced = true,
        ShortNames = ["po"],
        Categories = ["all"],
        SelectableFields = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"],
    };

    /// <summary>core/v1 events.</summary>
    public static ResourceType Events { get; } = new()
    {
        Group = "",
        Version = "v1",
        Plural = "events",
        Singular = "event",
        Kind = "Event",
        Namespaced = true,
        ShortNames = ["ev"],
        HasStatusSubresource = false,
        SelectableFields = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
            "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
            "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
    };

    /// <summary>kubevirt.io/v1 virtualmachines.</summary>
    public static ResourceType VirtualMachines { get; } = KubeVirt("virtualmachines", "virtualmachine", "VirtualMachine", ["vm", "vms"]);

    /// <summary>kubevirt.io/v1 virtualmachineinstances.</summary>
    public static ResourceType VirtualMachineInstances { get; } =
        KubeVirt("virtualmachineinstances", "virtualmachineinstance", "VirtualMachineInstance", ["vmi", "vmis"]);

    /// <summary>kubevirt.io/v1 virtualmachineinstancemigrations.</summary>
    public static ResourceType VirtualMachineInstanceMigrations { get; } =
        KubeVirt("virtualmachineinstancemigrations", "virtualmachineinstancemigration", "VirtualMachineInstanceMigration", ["vmim", "vmims"]);

    /// <summary>kubevirt.io/v1 kubevirts.</summary>
    public static ResourceType KubeVirts { get; } =
        KubeVirt("kubevirts", "kubevirt", "KubeVirt", ["kv", "kvs"]) with { Categories = [] };

    /// <summary>migrations.kubevirt.io/v1alpha1 migrationpolicies (cluster-scoped).</summary>
    public static ResourceType MigrationPolicies { get; } = new()
    {
        Group = "migrations.kubevirt.io",
        Version = "v1alpha1",
        Plural = "migrationpolicies",
        Singular = "migrationpolicy",
        Kind = "MigrationPolicy",
        Namespaced = false,
        SupportsStrategicMerge = false,
    };

    /// <summary>k8s.cni.cncf.io/v1 network-attachment-definitions (Multus; the dedicated migration network is one).</summary>
    public static ResourceType NetworkAttachmentDefinitions { get; } = new()
    {
        Group = "k8s.cni.cncf.io",
        Version = "v1",
        Plural = "network-attachment-definitions",
        Singular = "network-attachment-definition",
        Kind = "NetworkAttachmentDefinition",
        Namespaced = true,
        ShortNames = ["net-attach-def"],
        HasStatusSubresource = false,
        SupportsStrategicMerge = false,
    };

    /// <summary>coordination.k8s.io/v1 leases.</summary>
    public static ResourceType Leases { get; } = new()
    {
        Group = "coordination.k8s.io",
        Version = "v1",
        Plural = "leases",
        Singular = "lease",
        Kind = "Lease",
        Namespaced = true,
        HasStatusSubresource = false,
    };

    /// <summary>policy/v1 poddisruptionbudgets (stored as written: no disruption controller fills their status).</summary>
    /// <summary>CDI's DataVolumes (blank sources are modelled: they become a bound PVC of the same name).</summary>
    public static ResourceType DataVolumes { get; } = new()
    {
        Group = "cdi.kubevirt.io",
        Version = "v1beta1",
        Plural = "datavolumes",
        Singular = "datavolume",
        Kind = "DataVolume",
        Namespaced = true,
        ShortNames = ["dv", "dvs"],
        Categories = ["all"],
        SupportsStrategicMerge = false,
    };

    /// <summary>PersistentVolumeClaims: a DataVolume's PVC is the model's; others are stored as written.</summary>
    public static ResourceType PersistentVolumeClaims { get; } = new()
    {
        Group = "",
        Version = "v1",
        Plural = "persistentvolumeclaims",
        Singular = "persistentvolumeclaim",
        Kind = "PersistentVolumeClaim",
        Namespaced = true,
        ShortNames = ["pvc"],
    };

    /// <summary>StorageClasses, seeded from the model's list (the first is the default).</summary>
    public static ResourceType StorageClasses { get; } = new()
    {
        Group = "storage.k8s.io",
        Version = "v1",
        Plural = "storageclasses",
        Singular = "storageclass",
        Kind = "StorageClass",
        Namespaced = false,
        ShortNames = ["sc"],
        HasStatusSubresource = false,
    };

    public static ResourceType PodDisruptionBudgets { get; } = new()
    {
        Group = "policy",
        Version = "v1",
        Plural = "poddisruptionbudgets",
        Singular = "poddisruptionbudget",
        Kind = "PodDisruptionBudget",
        Namespaced = true,
        ShortNames = ["pdb"],
    };

    /// <summary>core/v1 serviceaccounts (their <c>token</c> subresource issues tokens).</summary>
    public static ResourceType ServiceAccounts { get; } = new()
    {
        Group = "",
        Version = "v1",
        Plural = "serviceaccounts",
        Singular = "serviceaccount",
        Kind = "ServiceAccount",
        Namespaced = true,
        ShortNames = ["sa"],
        HasStatusSubresource = false,
    };

    /// <summary>rbac.authorization.k8s.io/v1 clusterroles.</summary>
    public static ResourceType ClusterRoles { get; } = Rbac("clusterroles", "clusterrole", "ClusterRole", namespaced: false);

    /// <summary>rbac.authorization.k8s.io/v1 clusterrolebindings.</summary>
    public static ResourceType ClusterRoleBindings { get; } =
        Rbac("clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", namespaced: false);

    /// <summary>rbac.authorization.k8s.io/v1 roles.</summary>
    public static ResourceType Roles { get; } = Rbac("roles", "role", "Role", namespaced: true);

    /// <summary>rbac.authorization.k8s.io/v1 rolebindings.</summary>
    public static ResourceType RoleBindings { get; } = Rbac("rolebindings", "rolebinding", "RoleBinding", namespaced: true);

    /// <summary>authorization.k8s.io/v1 selfsubjectaccessreviews: create only, never stored.</summary>
    public static ResourceType SelfSubjectAccessReviews { get; } =
        Review("selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview");

    /// <summary>authorization.k8s.io/v1 selfsubjectrulesreviews: create only, never stored.</summary>
    public static ResourceType SelfSubjectRulesReviews { get; } =
        Review("selfsubjectrulesreviews", "selfsubjectrulesreview", "SelfSubjectRulesReview");

    /// <summary>Every built-in type, core first.</summary>
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Nodes, Namespaces, Pods, Events, ServiceAccounts, VirtualMachines, VirtualMachineInstances,
        VirtualMachineInstanceMigrations, KubeVirts, MigrationPolicies, NetworkAttachmentDefinitions, PodDisruptionBudgets, Leases,
        DataVolumes, PersistentVolumeClaims, StorageClasses, ClusterRoles, ClusterRoleBindings, Roles,
        RoleBindings, SelfSubjectAccessReviews, SelfSubjectRulesReviews,
    ];

    /// <summary>A registry of every built-in type.</summary>
    public static ResourceRegistry CreateRegistry() => new(All);

    private static ResourceType Rbac(string plural, string singular, string kind, bool namespaced) => new()
    {
        Group = "rbac.authorization.k8s.io",
        Version = "v1",
        Plural = plural,
        Singular = singular,
        Kind = kind,
        Namespaced = namespaced,
        HasStatusSubresource = false,
    };

    private static ResourceType Review(string plural, string singular, string kind) => new()
    {
        Group = "authorization.k8s.io",
        Version = "v1",
        Plural = plural,
        Singular = singular,
        Kind = kind,
        Namespaced = false,
        HasStatusSubresource = false,
        Verbs = ["create"],
    };

    private static ResourceType KubeVirt(string plural, string singular, string kind, IReadOnlyList<string> shortNames) => new()
    {
        Group = "kubevirt.io",
        Version = "v1",
        Plural = plural,
        Singular = singular,
        Kind = kind,
        Namespaced = true,
        ShortNames = shortNames,
        Categories = ["all"],
        SupportsStrategicMerge = false,
    };
}
