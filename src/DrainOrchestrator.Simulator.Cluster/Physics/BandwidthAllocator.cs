namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Shares the NICs among the transfers using them, max-min fair (progressive filling): every transfer's rate rises
/// together until a NIC port it crosses is full (the source's outbound or the target's inbound side) or it reaches its
/// own cap (<c>bandwidthPerMigration</c>); then it stays, and what it leaves unused goes on to the others. A transfer
/// on the dedicated migration network crosses the nodes' migration NICs, any other their pod NICs. A node whose
/// migration network is down gives nothing.
/// </summary>
/// <remarks>
/// Every transfer still rising has the same rate, the water level. A port therefore fills at the level
/// (capacity - what its settled transfers take) / (its rising transfers), and the allocator jumps from one such event
/// to the next through a heap: O((transfers + ports) log ports), where comparing every transfer with every port on
/// each step would be quadratic.
/// </remarks>
internal static class BandwidthAllocator
{
    public static void Allocate(IReadOnlyList<Transfer> transfers)
    {
        var ports = new NicPorts(transfers.Count);
        var events = new PriorityQueue<FillEvent, double>();
        var rising = new bool[transfers.Count];
        for (var i = 0; i < transfers.Count; i++)
        {
            var transfer = transfers[i];
            transfer.Rate = 0;
            if (!transfer.Source.MigrationNetworkUp || !transfer.Target.MigrationNetworkUp)
            {
                continue;
            }

            rising[i] = true;
            ports.Join(i, transfer);
            if (transfer.Config.BandwidthPerMigration > 0)
            {
                events.Enqueue(FillEvent.Capped(i), transfer.Config.BandwidthPerMigration);
            }
        }

        for (var p = 0; p < ports.Count; p++)
        {
            Reconsider(p);
        }

        while (events.TryDequeue(out var fill, out var level))
        {
            if (fill.Transfer >= 0)
            {
                Settle(fill.Transfer, level);
            }
            else if (fill.Version == ports.Version(fill.Port))
            {
                foreach (var member in ports.Members(fill.Port))
                {
                    Settle(member, level);
                }
            }
        }

        void Settle(int index, double level)
        {
            if (!rising[index])
            {
                return;
            }

            rising[index] = false;
            transfers[index].Rate = level;
            var (outbound, inbound) = ports.Settle(index, level);
            Reconsider(outbound);
            Reconsider(inbound);
        }

        void Reconsider(int port)
        {
            if (ports.FillLevel(port) is var fullAt && !double.IsPositiveInfinity(fullAt))
            {
                events.Enqueue(FillEvent.Full(port, ports.Version(port)), fullAt);
            }
        }
    }

    /// <summary>A transfer reaching its cap (Transfer ≥ 0) or a port filling up at the version it was computed for.</summary>
    private readonly record struct FillEvent(int Transfer, int Port, int Version)
    {
        public static FillEvent Capped(int transfer) => new(transfer, -1, 0);

        public static FillEvent Full(int port, int version) => new(-1, port, version);
    }
}
