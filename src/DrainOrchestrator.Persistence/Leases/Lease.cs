namespace DrainOrchestrator.Persistence.Leases;

/// <summary>
/// A held lease. <see cref="Epoch"/> is the fencing token: it grows whenever the lease changes holder, so a write
/// conditioned on (name, holder, epoch) fails for anyone who lost it, even if they do not know yet.
/// <see cref="ExpiresAt"/> is on the database server's clock (see <see cref="LeaseStore"/>).
/// </summary>
public sealed record Lease(string Name, string Holder, long Epoch, DateTimeOffset ExpiresAt)
{
    /// <summary>Set by <see cref="LeaseStore.TryReclaimAsync"/>: whether the lease had expired, by the database's clock, when reclaimed.</summary>
    public bool WasExpired { get; init; }
}
