using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>
/// Where an attempt stands. Stored (and written in JSON) as the database's snake_case words; <see cref="AttemptOutcomes"/>
/// holds that mapping.
/// </summary>
[JsonConverter(typeof(AttemptOutcomes.WordConverter))]
public enum AttemptOutcome
{
    /// <summary>Journaled before the act; the VMIM may not exist yet.</summary>
    Intended,

    /// <summary>The VMIM exists (for a restart: the VMI was deleted).</summary>
    Created,

    /// <summary>Memory is being transferred (for a restart: the new VMI started).</summary>
    Running,

    /// <summary>The VM moved.</summary>
    Succeeded,

    /// <summary>Ended without moving the VM.</summary>
    Failed,

    /// <summary>Aborted (by a cancel, or by someone deleting the VMIM).</summary>
    Aborted,

    /// <summary>The VMIM was never created (refused, or the engine stopped between the intent and the act).</summary>
    NotCreated,
}
