namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The mutable state of one virt-launcher pod.</summary>
internal sealed class PodState
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required string VmiName { get; init; }

    public required string VmiUid { get; init; }

    public required long MemoryRequestBytes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? MigrationUid { get; init; }

    public NodeState? Node { get; set; }

    public PodPhase Phase { get; set; }

    public string Key => ClusterKeys.Of(Namespace, Name);

    public PodSnapshot ToSnapshot() => new()
    {
        Namespace = Namespace,
        Name = Name,
        Uid = Uid,
        VmiName = VmiName,
        VmiUid = VmiUid,
        NodeName = Node?.Name,
        Phase = Phase,
        MemoryRequestBytes = MemoryRequestBytes,
        CreatedAt = CreatedAt,
        MigrationUid = MigrationUid,
    };
}
