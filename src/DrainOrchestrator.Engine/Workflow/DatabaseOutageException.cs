namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// The database stayed unreachable for longer than <see cref="DrainEngineOptions.DatabaseOutageTimeout"/>. The run
/// stops; the drain is intact and the next run resumes it.
/// </summary>
internal sealed class DatabaseOutageException : Exception
{
    public DatabaseOutageException()
    {
    }

    public DatabaseOutageException(string message)
        : base(message)
    {
    }

    public DatabaseOutageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
