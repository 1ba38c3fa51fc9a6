namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>All the model's objects. Maps preserve insertion order, which keeps iteration deterministic.</summary>
internal sealed class ClusterState
{
    public List<NodeState> NodeList { get; } = [];

    public Dictionary<string, NodeState> Nodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyDictionary<string, string>> Namespaces { get; } = new(StringComparer.Ordinal);

    public List<VmState> VmList { get; } = [];

    public Dictionary<string, VmState> Vms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MigrationJob> Migrations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PodState> Pods { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, MigrationPolicy> Policies { get; } = new(StringComparer.Ordinal);

    public MigrationConfig Config { get; set; } = MigrationConfig.Default;

    /// <summary>NetworkAttachmentDefinitions by namespace/name.</summary>
    public Dictionary<string, NetworkAttachment> NetworkAttachments { get; } = new(StringComparer.Ordinal);

    public MigrationTimings Timings { get; set; } = new();

    /// <summary>The KubeVirt CR's <c>developerConfiguration.featureGates</c>.</summary>
    public HashSet<string> FeatureGates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The storage classes PVCs can bind in (<c>kubectl get storageclass</c>).</summary>
    public List<string> StorageClasses { get; } = ["standard"];

    /// <summary>CDI DataVolumes (and their PVCs) by namespace/name.</summary>
    public Dictionary<string, DataVolumeState> DataVolumes { get; } = new(StringComparer.Ordinal);

    /// <summary>The cluster's name (the scenario's), as the ground truth shows it.</summary>
    public string ClusterName { get; init; } = "";

    /// <summary>The synchronization controller's pod IP (distinct per cluster on a shared network).</summary>
    public string SyncPodIp { get; set; } = SynchronizationController.PodIp;

    /// <summary><c>SyncPodIp:9185</c>.</summary>
    public string SyncAddress => $"{SyncPodIp}:{SynchronizationController.Port}";

    /// <summary>Decentralized VMIMs by migrationID and side, to pair them.</summary>
    public Dictionary<(string MigrationId, DecentralizedRole Role), MigrationJob> DecentralizedSides { get; } = [];

    /// <summary>Whether KubeVirt's evacuation controller runs (the scenario's <c>kubevirt.evacuationController</c>).</summary>
    public bool EvacuationController { get; init; }

    public void AddNode(NodeState node)
    {
        NodeList.Add(node);
        Nodes.Add(node.Name, node);
    }

    /// <summary>The VMs that declare each MAC address (running or not), to find a collision without a scan.</summary>
    public Dictionary<string, List<VmState>> VmsByMac { get; } = new(StringComparer.Ordinal);

    public void AddVm(VmState vm)
    {
        VmList.Add(vm);
        Vms.Add(vm.Key, vm);
        if (vm.MacAddress is { } mac)
        {
            if (!VmsByMac.TryGetValue(mac, out var list))
            {
                VmsByMac[mac] = list = [];
            }

            list.Add(vm);
        }
    }

    public void RemoveVm(VmState vm)
    {
        Vms.Remove(vm.Key);
        VmList.Remove(vm);
        if (vm.MacAddress is { } mac && VmsByMac.TryGetValue(mac, out var list) && list.Remove(vm) && list.Count == 0)
        {
            VmsByMac.Remove(mac);
        }
    }

    /// <summary>
    /// The namespace's labels as KubeVirt's policy matcher sees them: with <c>kubernetes.io/metadata.name</c>, which
    /// kube-apiserver sets on every namespace (drain-sim's API renders it too), so a MigrationPolicy selecting a
    /// namespace by its name applies here as it does in a real cluster.
    /// </summary>
    public IReadOnlyDictionary<string, string> NamespaceLabels(string @namespace) =>
        new Dictionary<string, string>(Namespaces.TryGetValue(@namespace, out var labels) ? labels : new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [NamespaceNameLabel] = @namespace,
        };

    /// <summary>The label kube-apiserver puts on every namespace, naming it.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";
}
