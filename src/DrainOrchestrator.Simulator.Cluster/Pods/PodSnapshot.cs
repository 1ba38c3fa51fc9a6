namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>An immutable view of one virt-launcher pod.</summary>
public sealed record PodSnapshot
{
    /// <summary>The namespace (the VMI's).</summary>
    public required string Namespace { get; init; }

    /// <summary>The pod name, <c>virt-launcher-&lt;vm&gt;-&lt;suffix&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The pod uid.</summary>
    public required string Uid { get; init; }

    /// <summary>The VMI this pod runs.</summary>
    public required string VmiName { get; init; }

    /// <summary>The uid of that VMI.</summary>
    public required string VmiUid { get; init; }

    /// <summary><c>spec.nodeName</c>, null while unscheduled.</summary>
    public string? NodeName { get; init; }

    /// <summary>The pod phase.</summary>
    public required PodPhase Phase { get; init; }

    /// <summary>The memory request.</summary>
    public required long MemoryRequestBytes { get; init; }

    /// <summary>When created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>For a migration target pod: the VMIM's uid (label <c>kubevirt.io/migrationJobUID</c>).</summary>
    public string? MigrationUid { get; init; }
}
