namespace DrainOrchestrator.Engine;

/// <summary>The drain request is invalid; nothing was started. Not retryable without changing the request.</summary>
public sealed class DrainRequestException : Exception
{
    public DrainRequestException()
        : this([])
    {
    }

    public DrainRequestException(string message)
        : this([message])
    {
    }

    public DrainRequestException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public DrainRequestException(IReadOnlyList<string> problems)
        : base("Invalid drain request: " + string.Join("; ", problems) + ".") => Problems = problems;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
