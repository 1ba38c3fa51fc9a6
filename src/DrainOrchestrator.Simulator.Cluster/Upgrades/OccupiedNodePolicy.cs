namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>What the upgrader does when its start time comes and guests are still on the node.</summary>
public enum OccupiedNodePolicy
{
    /// <summary>It refuses to reboot (the refusal is in the ground truth) and tries again later.</summary>
    Refuse,

    /// <summary>It reboots anyway, as a careless upgrader would: every guest on the node is lost.</summary>
    Reboot,
}
