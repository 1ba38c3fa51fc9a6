namespace DrainOrchestrator.Core.Scheduling;

/// <summary>What an attempt does.</summary>
public enum AttemptKind
{
    /// <summary>A live migration through a VMIM.</summary>
    Migration,

    /// <summary>A stop and start elsewhere through the VM's run strategy (the opt-in shutdown action).</summary>
    Restart,
}
