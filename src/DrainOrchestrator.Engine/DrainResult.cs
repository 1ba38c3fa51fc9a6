namespace DrainOrchestrator.Engine;

/// <summary>How a run of the engine on one drain ended.</summary>
/// <param name="DrainId">The drain.</param>
/// <param name="State">The drain's state (succeeded, failed or cancelled when it finished), or why this run stopped before
/// its end (<see cref="DrainRunState.Interrupted"/>, <see cref="DrainRunState.Lost"/>).</param>
/// <param name="Reason">Why, in words.</param>
public sealed record DrainResult(Guid DrainId, DrainRunState State, string Reason)
{
    /// <summary>Whether the drain emptied its nodes.</summary>
    public bool Succeeded => State == DrainRunState.Succeeded;
}
