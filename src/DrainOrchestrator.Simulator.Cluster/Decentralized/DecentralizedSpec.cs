namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Which side of a decentralized live migration a VMIM stands for.</summary>
public enum DecentralizedRole
{
    /// <summary><c>spec.sendTo</c>: the source VMI's side.</summary>
    Sender,

    /// <summary><c>spec.receive</c>: the receiver VM's side.</summary>
    Receiver,
}

/// <summary>
/// A VMIM's decentralized part: <c>spec.sendTo{migrationID, connectURL}</c> or <c>spec.receive{migrationID}</c>. The two
/// VMIMs of one move are paired by <see cref="MigrationId"/>.
/// </summary>
/// <param name="Role">The side.</param>
/// <param name="MigrationId">The shared migration ID.</param>
/// <param name="ConnectUrl">The sender's <c>connectURL</c> (the synchronization controller's address); null for a receiver.</param>
public sealed record DecentralizedSpec(DecentralizedRole Role, string MigrationId, string? ConnectUrl = null);
