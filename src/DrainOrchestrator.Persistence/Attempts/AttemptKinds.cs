namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>The kinds an attempt row may hold, as the database's CHECK constraint spells them.</summary>
public static class AttemptKinds
{
    /// <summary>A live migration through a VMIM.</summary>
    public const string Migration = "migration";

    /// <summary>
    /// A stop and start elsewhere through the VM's run strategy (the opt-in shutdown policy): no VMIM, no mode, no wave;
    /// the target is where the new VMI runs.
    /// </summary>
    public const string Restart = "restart";
}
