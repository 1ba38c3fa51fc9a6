namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Shares each node's migration NIC among the transfers using it: every transfer gets the smaller of its fair share of
/// the source's outbound and the target's inbound bandwidth, capped by <c>bandwidthPerMigration</c>. A node whose
/// migration network is down gives nothing.
/// </summary>
internal static class BandwidthAllocator
{
    public static void Allocate(IReadOnlyList<Transfer> transfers)
    {
        foreach (var transfer in transfers)
        {
            transfer.Rate = RateOf(transfer);
        }
    }

    private static double RateOf(Transfer transfer)
    {
        var source = transfer.Source;
        var target = transfer.Target;
        if (!source.MigrationNetworkUp || !target.MigrationNetworkUp)
        {
            return 0;
        }

        var outbound = (double)source.NicBandwidth / Math.Max(1, source.ActiveOutboundTransfers);
        var inbound = (double)target.NicBandwidth / Math.Max(1, target.ActiveInboundTransfers);
        var rate = Math.Min(outbound, inbound);
        var cap = transfer.Config.BandwidthPerMigration;
        return cap > 0 ? Math.Min(rate, cap) : rate;
    }
}
