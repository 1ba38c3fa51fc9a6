namespace DrainOrchestrator.Server;

/// <summary>The server cannot start with these options; <see cref="Problems"/> lists every problem at once.</summary>
public sealed class InvalidServeOptionsException : Exception
{
    public InvalidServeOptionsException()
        : this([])
    {
    }

    public InvalidServeOptionsException(string message)
        : this([message])
    {
    }

    public InvalidServeOptionsException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public InvalidServeOptionsException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems)) => Problems = problems;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
