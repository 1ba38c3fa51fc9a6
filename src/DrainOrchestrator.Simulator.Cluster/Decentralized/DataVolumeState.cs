namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A CDI DataVolume with a blank source and the PVC it becomes (same namespace and name).</summary>
internal sealed class DataVolumeState
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required string StorageClass { get; init; }

    public required long SizeBytes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the PVC is bound (the storage class exists): the DataVolume is then Succeeded.</summary>
    public bool Bound { get; set; }

    public string Key => ClusterKeys.Of(Namespace, Name);

    public DataVolumeSnapshot ToSnapshot() => new(Namespace, Name, Uid, StorageClass, SizeBytes, CreatedAt, Bound);
}

/// <summary>An immutable view of a DataVolume and its PVC.</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The name (the PVC's too).</param>
/// <param name="Uid">The DataVolume's uid.</param>
/// <param name="StorageClass">The storage class asked for.</param>
/// <param name="SizeBytes">The requested size.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="Bound">The PVC is Bound and the DataVolume Succeeded; false while the storage class is unknown (Pending).</param>
public sealed record DataVolumeSnapshot(
    string Namespace, string Name, string Uid, string StorageClass, long SizeBytes, DateTimeOffset CreatedAt, bool Bound);

/// <summary>A blank DataVolume to create.</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The name.</param>
/// <param name="Uid">The uid the API gave it.</param>
/// <param name="StorageClass">The storage class; empty takes the default one.</param>
/// <param name="SizeBytes">The size.</param>
public sealed record DataVolumeRequest(string Namespace, string Name, string Uid, string StorageClass, long SizeBytes);

/// <summary>A receiver VM to create: the source's spec, <c>runStrategy: WaitAsReceiver</c>.</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The name.</param>
/// <param name="Uid">The uid the API gave it.</param>
/// <param name="MemoryBytes">The guest's memory.</param>
/// <param name="RestoreRunStrategy">From <c>kubevirt.io/restore-run-strategy</c>: the run strategy after the move.</param>
/// <param name="DataVolumes">The DataVolumes (same namespace) its disks use.</param>
/// <param name="Labels">The template's labels.</param>
/// <param name="MacAddress">The guest interface's <c>macAddress</c>, or null.</param>
/// <param name="EvictionStrategy">The template's <c>evictionStrategy</c> (the source's), or null for the cluster default.</param>
public sealed record ReceiverVmRequest(
    string Namespace,
    string Name,
    string Uid,
    long MemoryBytes,
    RunStrategy RestoreRunStrategy,
    IReadOnlyList<string> DataVolumes,
    IReadOnlyDictionary<string, string>? Labels = null,
    string? MacAddress = null,
    EvictionStrategy? EvictionStrategy = null);
