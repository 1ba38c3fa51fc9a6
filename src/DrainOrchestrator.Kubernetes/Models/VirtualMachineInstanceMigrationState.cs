using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>State of a live migration (kubevirt.io/v1 VirtualMachineInstanceMigrationState).</summary>
public sealed class VirtualMachineInstanceMigrationState : WireModel
{
    /// <summary>When the migration began.</summary>
    public DateTimeOffset? StartTimestamp { get; set; }

    /// <summary>When the migration ended.</summary>
    public DateTimeOffset? EndTimestamp { get; set; }

    /// <summary>When the domain became ready on the target.</summary>
    public DateTimeOffset? TargetNodeDomainReadyTimestamp { get; set; }

    /// <summary>Whether the target node saw the domain start.</summary>
    public bool? TargetNodeDomainDetected { get; set; }

    /// <summary>Address of the target node used for the migration.</summary>
    public string? TargetNodeAddress { get; set; }

    /// <summary>Ports on the target for direct migration.</summary>
    public Dictionary<string, int>? TargetDirectMigrationNodePorts { get; set; }

    /// <summary>Node the VMI is moving to.</summary>
    public string? TargetNode { get; set; }

    /// <summary>Target virt-launcher pod.</summary>
    public string? TargetPod { get; set; }

    /// <summary>Target hotplug attachment pod.</summary>
    [JsonPropertyName("targetAttachmentPodUID")]
    public string? TargetAttachmentPodUid { get; set; }

    /// <summary>Node the VMI is moving from.</summary>
    public string? SourceNode { get; set; }

    /// <summary>Source virt-launcher pod.</summary>
    public string? SourcePod { get; set; }

    /// <summary>Whether the migration completed.</summary>
    public bool? Completed { get; set; }

    /// <summary>Whether the migration failed.</summary>
    public bool? Failed { get; set; }

    /// <summary>Whether an abort was requested.</summary>
    public bool? AbortRequested { get; set; }

    /// <summary><c>Aborting</c>, <c>Succeeded</c> or <c>Failed</c>.</summary>
    public string? AbortStatus { get; set; }

    /// <summary>Why the migration failed.</summary>
    public string? FailureReason { get; set; }

    /// <summary>UID of the VirtualMachineInstanceMigration behind it.</summary>
    public string? MigrationUid { get; set; }

    /// <summary><c>PreCopy</c>, <c>PostCopy</c> or <c>Paused</c>.</summary>
    public string? Mode { get; set; }

    /// <summary>The MigrationPolicy applied, if any.</summary>
    public string? MigrationPolicyName { get; set; }

    /// <summary>The options resolved at hand-off.</summary>
    public MigrationConfiguration? MigrationConfiguration { get; set; }

    /// <summary>CPUs pinned on the target.</summary>
    [JsonPropertyName("targetCPUSet")]
    public List<int>? TargetCpuSet { get; set; }

    /// <summary>Topology of the target node.</summary>
    public string? TargetNodeTopology { get; set; }

    /// <summary>Persistent state PVC at the source.</summary>
    [JsonPropertyName("sourcePersistentStatePVCName")]
    public string? SourcePersistentStatePvcName { get; set; }

    /// <summary>Persistent state PVC at the target.</summary>
    [JsonPropertyName("targetPersistentStatePVCName")]
    public string? TargetPersistentStatePvcName { get; set; }

    /// <summary>Network used for the migration.</summary>
    public string? MigrationNetworkType { get; set; }

    /// <summary>Memory overhead on the target.</summary>
    public Quantity? TargetMemoryOverhead { get; set; }
}
