using DrainOrchestrator.Persistence.Audit;

namespace DrainOrchestrator.Application.Audit;

/// <summary>The verdict on one chain.</summary>
/// <param name="Scope">drain, workflow or none.</param>
/// <param name="Id">The drain's or the workflow instance's id.</param>
/// <param name="Records">How many records were verified before the first bad one (all of them when intact).</param>
/// <param name="AnchorsChecked">How many anchors (stored and exported) it was compared with.</param>
/// <param name="Intact">Whether the chain is intact.</param>
/// <param name="Finding">Its first bad record; null when intact.</param>
public sealed record ChainAuditView(string Scope, Guid Id, long Records, int AnchorsChecked, bool Intact, FindingView? Finding)
{
    /// <summary>The view of a verdict.</summary>
    public static ChainAuditView Of(ChainVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new ChainAuditView(ChainScopes.Word(verdict.Chain.Scope), verdict.Chain.Id, verdict.Records, verdict.AnchorsChecked,
            verdict.Intact, verdict.Finding is { } f ? FindingView.Of(f) : null);
    }
}
