namespace DrainOrchestrator.Core.Policy;

/// <summary>What to do with a VM that cannot be live-migrated.</summary>
public enum NonMigratableAction
{
    /// <summary>The drain is blocked before anything moves.</summary>
    Block,

    /// <summary>Report the VM and drain the rest.</summary>
    Skip,

    /// <summary>Opt-in: stop the VM and start it elsewhere through its run strategy.</summary>
    Shutdown,
}
