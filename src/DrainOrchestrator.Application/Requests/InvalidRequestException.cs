namespace DrainOrchestrator.Application.Requests;

/// <summary>The request is invalid and nothing was started; a retry succeeds only with a changed request.</summary>
public class InvalidRequestException : Exception
{
    public InvalidRequestException()
        : this([])
    {
    }

    public InvalidRequestException(string message)
        : this([new RequestProblem(string.Empty, message)])
    {
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException) => Problems = [new RequestProblem(string.Empty, message)];

    public InvalidRequestException(IReadOnlyList<RequestProblem> problems)
        : base("Invalid request: " + string.Join("; ", problems.Select(p => p.Message)) + ".") => Problems = problems;

    /// <summary>Every problem found, at once.</summary>
    public IReadOnlyList<RequestProblem> Problems { get; }

    /// <summary>Always false: the same request fails the same way.</summary>
    public static bool IsRetryable => false;
}
