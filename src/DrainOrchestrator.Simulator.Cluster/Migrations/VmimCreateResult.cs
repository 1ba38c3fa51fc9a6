namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The outcome of <see cref="SimulatedCluster.CreateMigration"/>.</summary>
/// <param name="Status">Accepted, rejected or already existing.</param>
/// <param name="Migration">The VMIM as created (or the existing one), null when rejected.</param>
/// <param name="Message">The webhook's denial message when rejected.</param>
public sealed record VmimCreateResult(VmimCreateStatus Status, VmimSnapshot? Migration, string? Message)
{
    /// <summary>Whether the VMIM was created.</summary>
    public bool Accepted => Status == VmimCreateStatus.Accepted;
}
