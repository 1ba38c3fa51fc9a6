namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>The server answered with an error that is not about the request's content (auth, unavailable, a fault).</summary>
internal sealed class RemoteApiException : Exception
{
    public RemoteApiException()
    {
    }

    public RemoteApiException(string message)
        : base(message)
    {
    }

    public RemoteApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RemoteApiException(string message, int status, bool retryable)
        : base(message) => (Status, IsRetryable) = (status, retryable);

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>Whether the same call may succeed later.</summary>
    public bool IsRetryable { get; }
}
