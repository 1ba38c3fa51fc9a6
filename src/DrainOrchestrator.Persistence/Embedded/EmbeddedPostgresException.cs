namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>The private PostgreSQL server could not be found, prepared, started or stopped.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException()
    {
    }

    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether trying again unchanged may succeed (a port race, a server still shutting down); false when something
    /// must be installed or fixed first.
    /// </summary>
    public bool IsTransient { get; init; }
}
