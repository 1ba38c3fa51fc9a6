using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>What an attempt row records. Stored (and written in JSON) as the database's words (<see cref="AttemptKinds"/>).</summary>
[JsonConverter(typeof(AttemptKinds.WordConverter))]
public enum AttemptKind
{
    /// <summary>A live migration through a VMIM.</summary>
    Migration,

    /// <summary>
    /// A stop and start elsewhere through the VM's run strategy (the opt-in shutdown policy): no VMIM, no mode, no wave;
    /// the target is where the new VMI runs.
    /// </summary>
    Restart,
}
