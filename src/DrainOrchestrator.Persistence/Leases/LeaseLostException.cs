namespace DrainOrchestrator.Persistence.Leases;

/// <summary>
/// The lease expired or passed to another holder: the write was refused. Not retryable by the same owner; the
/// instance now belongs to whoever holds the lease.
/// </summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The lease that was lost.</summary>
    public string? LeaseName { get; init; }
}
