namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Where one attempt stands.</summary>
public enum AttemptStatus
{
    /// <summary>Decided and journaled; the VMIM (or restart) may or may not exist yet, and is not finished.</summary>
    InFlight,

    /// <summary>The VMI arrived on the target (or restarted elsewhere).</summary>
    Succeeded,

    /// <summary>The attempt ended without moving the VMI.</summary>
    Failed,
}
