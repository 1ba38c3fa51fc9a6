namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// Whether one more migration may start, from the ledger read under the cluster's lock. Pure. In order: the cluster
/// limit (every drain's slots plus the foreign VMIMs), the per-node limit on the source (the same, out of that node),
/// then the asking drain's fair share of the capacity left after foreign VMIMs (<see cref="FairShare"/>), its claim
/// counting the start it asks for. Last, each application budget the VMI is a member of: the slots of its members held
/// by every drain, plus its members in foreign VMIMs, must leave room for one more.
/// </summary>
internal static class SlotRule
{
    public static SlotVerdict Decide(SlotRequest request, BudgetLedger ledger)
    {
        var foreign = request.Foreign.Total;
        var inFlight = ledger.Held + foreign;
        var outbound = ledger.OutboundOf(request.SourceNode) + request.Foreign.On(request.SourceNode);
        var held = ledger.HeldBy(request.DrainId);
        var claims = ledger.Claims(request.DrainId, Math.Max(1, request.Wanted));
        var shares = FairShare.Compute(request.ClusterLimit - foreign, claims);
        var share = shares[claims.FindIndex(c => c.DrainId == request.DrainId)];
        var refusal = inFlight + 1 > request.ClusterLimit ? SlotRefusal.ClusterLimit
            : outbound + 1 > request.NodeLimit ? SlotRefusal.NodeLimit
            : held + 1 > share ? SlotRefusal.FairShare
            : request.Budgets.Any(b => ledger.HeldIn(b) + b.Foreign + 1 > b.Limit) ? SlotRefusal.ApplicationBudget
            : SlotRefusal.None;
        return new SlotVerdict(refusal, inFlight, request.ClusterLimit, outbound, request.NodeLimit, held, share, foreign);
    }
}
