namespace DrainOrchestrator.Application.Evacuations;

/// <summary>No evacuation has the id asked for. A retry cannot succeed.</summary>
public sealed class EvacuationNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvacuationNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EvacuationNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EvacuationNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
