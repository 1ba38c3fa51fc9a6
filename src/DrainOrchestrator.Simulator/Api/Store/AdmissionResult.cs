using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>An admission hook's answer: allow, or deny with the status the client receives (e.g. 422 Invalid).</summary>
public sealed record AdmissionResult
{
    private AdmissionResult(ApiStatus? denial) => Denial = denial;

    /// <summary>Allows the write.</summary>
    public static AdmissionResult Allow { get; } = new((ApiStatus?)null);

    /// <summary>The status to deny with, or null when allowed.</summary>
    public ApiStatus? Denial { get; }

    /// <summary>Whether the write may go on.</summary>
    public bool Allowed => Denial is null;

    /// <summary>Denies the write with a status.</summary>
    public static AdmissionResult Deny(ApiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new AdmissionResult(status);
    }
}
