namespace DrainOrchestrator.Simulator.Cluster;

public sealed partial class SimulatedCluster
{
    /// <summary>The KubeVirt CR's feature gates (<c>developerConfiguration.featureGates</c>).</summary>
    public IReadOnlyCollection<string> FeatureGates => Mutate(() => (IReadOnlyCollection<string>)[.. _ctx.State.FeatureGates]);

    /// <summary>The storage classes a PVC can bind in; the first is the default.</summary>
    public IReadOnlyList<string> StorageClasses => Mutate(() => (IReadOnlyList<string>)[.. _ctx.State.StorageClasses]);

    /// <summary>Replaces the KubeVirt CR's feature gates; VMIMs already admitted keep running.</summary>
    public void SetFeatureGates(IEnumerable<string> gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var set = new HashSet<string>(gates, StringComparer.Ordinal);
        Mutate(() => _ctx.State.FeatureGates = set);
    }

    /// <summary>Creates a blank CDI DataVolume and its PVC; null when created, else why not (it exists).</summary>
    public string? CreateDataVolume(DataVolumeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Mutate(() => _controller.CreateDataVolume(request));
    }

    /// <summary>Deletes a DataVolume and its PVC; false when there is none.</summary>
    public bool DeleteDataVolume(string @namespace, string name) => Mutate(() => _controller.DeleteDataVolume(@namespace, name));

    /// <summary>The DataVolumes (and their PVCs).</summary>
    public IReadOnlyList<DataVolumeSnapshot> GetDataVolumes() =>
        Mutate(() => (IReadOnlyList<DataVolumeSnapshot>)[.. _ctx.State.DataVolumes.Values.Select(v => v.ToSnapshot())]);

    /// <summary>
    /// Creates the receiving VM of a decentralized migration (<c>runStrategy: WaitAsReceiver</c>); null when created,
    /// else why not (a VM of that name exists).
    /// </summary>
    public string? CreateReceiverVm(ReceiverVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Mutate(() => _controller.CreateReceiverVm(request));
    }

    /// <summary>Deletes a receiver VM (or a stopped one); null when deleted or absent, else why not.</summary>
    public string? DeleteVirtualMachine(string @namespace, string name) =>
        Mutate(() => _controller.DeleteVirtualMachine(@namespace, name));
}
