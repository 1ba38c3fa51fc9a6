namespace DrainOrchestrator.Core.Policy;

/// <summary>What to do with a VM that cannot be live-migrated.</summary>
public enum NonMigratableAction
{
    /// <summary>The drain is blocked before anything moves.</summary>
    Block,

    /// <summary>
    /// Report the VM and drain the rest. Only for VMs that cannot move: one that a node admits but none has the memory
    /// for blocks the drain whatever the action (a capacity problem, not the VM's).
    /// </summary>
    Skip,

    /// <summary>Opt-in: stop the VM and start it elsewhere through its run strategy.</summary>
    Shutdown,
}
