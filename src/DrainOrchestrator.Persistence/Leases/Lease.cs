namespace DrainOrchestrator.Persistence.Leases;

/// <summary>
/// A held lease. <see cref="Epoch"/> is the fencing token: it grows whenever the lease changes holder, so a write
/// conditioned on (name, holder, epoch) fails for anyone who lost it, even if they do not know yet.
/// </summary>
public sealed record Lease(string Name, string Holder, long Epoch, DateTimeOffset ExpiresAt);
