namespace DrainOrchestrator.Application.Requests;

/// <summary>
/// The request is well formed, but what it acts on is in a state that refuses it now (a drain still running, a schedule
/// with a suspended instance); nothing was started. Unlike other invalid requests, the same request can succeed once that
/// state has changed: each problem says what has to happen first.
/// </summary>
public sealed class RequestConflictException : InvalidRequestException
{
    public RequestConflictException()
        : this([])
    {
    }

    public RequestConflictException(string message)
        : base(message)
    {
    }

    public RequestConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RequestConflictException(IReadOnlyList<RequestProblem> problems)
        : base(problems)
    {
    }
}
