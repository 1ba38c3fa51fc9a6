using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Desired state of a VMIM (kubevirt.io/v1 VirtualMachineInstanceMigrationSpec).</summary>
public sealed class VirtualMachineInstanceMigrationSpec : WireModel
{
    /// <summary>The VMI to migrate, in the VMIM's namespace.</summary>
    [JsonPropertyName("vmiName")]
    public string? VmiName { get; set; }

    /// <summary>Labels the target node must also carry (KubeVirt 1.6+).</summary>
    public Dictionary<string, string>? AddedNodeSelector { get; set; }

    /// <summary>Set only by KubeVirt's own controllers.</summary>
    public string? Priority { get; set; }

    /// <summary>Decentralized migration, receiving side: the shared migration ID.</summary>
    public MigrationReceive? Receive { get; set; }

    /// <summary>Decentralized migration, sending side: the shared migration ID and the receiver's synchronization address.</summary>
    public MigrationSendTo? SendTo { get; set; }
}
