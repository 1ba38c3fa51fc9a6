namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>What preflight found: every problem at once (nothing may be created while any exists) and the VMs to move.</summary>
public sealed record EvacuationPreflightResult(IReadOnlyList<string> Problems, IReadOnlyList<EvacuationCandidate> Candidates, int PairsPerWave)
{
    /// <summary>Whether the evacuation may start.</summary>
    public bool Passed => Problems.Count == 0;
}
