namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// Whether one more migration may start, from the ledger read under the cluster's lock. Pure. In order: the cluster
/// limit (every drain's slots plus the foreign VMIMs), the per-node limit on the source (the same, out of that node),
/// then the asking drain's fair share of the capacity left after foreign VMIMs (<see cref="FairShare"/>), its claim
/// counting the start it asks for.
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
            : SlotRefusal.None;
        return new SlotVerdict(refusal, inFlight, request.ClusterLimit, outbound, request.NodeLimit, held, share, foreign);
    }
}
