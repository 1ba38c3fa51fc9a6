namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A VirtualMachine's <c>spec.runStrategy</c>: decides whether a failed VMI is started again.</summary>
public enum RunStrategy
{
    /// <summary>A VMI always runs; a failed one is started again.</summary>
    Always,

    /// <summary>A VMI is started again only when it failed.</summary>
    RerunOnFailure,

    /// <summary>Started and stopped only by a user.</summary>
    Manual,

    /// <summary>Never runs.</summary>
    Halted,

    /// <summary>Runs once; not started again.</summary>
    Once,

    /// <summary>A receiver of a decentralized migration: its VMI waits for the source's memory and disks.</summary>
    WaitAsReceiver,
}
