namespace DrainOrchestrator.Application.Audit;

/// <summary>What <c>drainctl audit verify</c> found.</summary>
/// <param name="Intact">Whether every verified chain is intact.</param>
/// <param name="Chains">The verdict on each chain.</param>
public sealed record AuditReport(bool Intact, IReadOnlyList<ChainAuditView> Chains);
