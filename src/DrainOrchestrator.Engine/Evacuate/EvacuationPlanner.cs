using DrainOrchestrator.Persistence.Evacuations;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// Orders an evacuation's VMs into waves, pure. The cost of a move is the bytes it copies (every disk, then the memory),
/// so the costliest start first (longest first keeps the last wave short) and a wave holds at most as many pairs as the
/// cluster limit admits at once (<see cref="EvacuationPreflightResult.PairsPerWave"/>). Waves run rolling: a freed slot
/// takes the next planned VM at once, the wave number stays as planned (as drains report them).
/// </summary>
public static class EvacuationPlanner
{
    /// <summary>The planned VMs, in order, with wave and position.</summary>
    public static IReadOnlyList<NewEvacuationVm> Plan(IReadOnlyList<EvacuationCandidate> candidates, int pairsPerWave)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairsPerWave, 1);
        return candidates
            .OrderByDescending(c => c.CostBytes)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select((c, i) => new NewEvacuationVm(c.Name, c.Uid, (i / pairsPerWave) + 1, i, c.MemoryBytes, c.Disks.Sum(d => d.Bytes)))
            .ToList();
    }
}
