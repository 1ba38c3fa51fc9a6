namespace DrainOrchestrator.Simulator.Api.Errors;

/// <summary>
/// Thrown by the store, the patchers and admission hooks to answer a request with a failed <see cref="ApiStatus"/>.
/// </summary>
public sealed class ApiStatusException : Exception
{
    /// <summary>Creates the exception for a status.</summary>
    public ApiStatusException(ApiStatus status)
        : base(status?.Message)
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
    }

    /// <summary>The status to answer with.</summary>
    public ApiStatus Status { get; }
}
