namespace DrainOrchestrator.Engine;

/// <summary>How a run of the engine on one drain ended.</summary>
/// <param name="DrainId">The drain.</param>
/// <param name="State">The drain's state: succeeded, failed or cancelled when it finished; otherwise where it stopped.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record DrainResult(Guid DrainId, string State, string Reason)
{
    /// <summary>
    /// The state of a run that stopped because the database stayed unreachable for longer than the outage timeout: the
    /// drain is unfinished and intact, and the same command run again resumes it.
    /// </summary>
    public const string Interrupted = "interrupted";

    /// <summary>Whether the drain emptied its nodes.</summary>
    public bool Succeeded => State == Persistence.Drains.DrainState.Succeeded;
}
