namespace DrainOrchestrator.Persistence.Audit;

/// <summary>The result of verifying one chain.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="Records">How many records were read.</param>
/// <param name="AnchorsChecked">How many anchors (stored and exported) were compared.</param>
/// <param name="Finding">The first bad record; null when the chain is intact.</param>
public sealed record ChainVerdict(ChainKey Chain, long Records, int AnchorsChecked, ChainFinding? Finding)
{
    /// <summary>Whether the chain is intact.</summary>
    public bool Intact => Finding is null;
}
