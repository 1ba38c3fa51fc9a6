namespace DrainOrchestrator.Simulator.Api.Patching;

/// <summary>A patch that cannot be applied; the API answers it with 422 (or 400 when malformed).</summary>
public sealed class PatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
