namespace DrainOrchestrator.Core.Snapshot;

/// <summary>The owning VirtualMachine's run strategy.</summary>
public enum RunStrategy
{
    /// <summary>No owning VirtualMachine (a bare VMI): it cannot be restarted elsewhere.</summary>
    None,

    /// <summary>Always running: a stopped VMI is started again by KubeVirt.</summary>
    Always,

    /// <summary>Restarted after a failure, not after a clean shutdown.</summary>
    RerunOnFailure,

    /// <summary>Started and stopped only on request.</summary>
    Manual,

    /// <summary>Kept stopped.</summary>
    Halted,

    /// <summary>Run once, never restarted.</summary>
    Once,
}
