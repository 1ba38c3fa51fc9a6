namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The NIC ports the transfers of one allocation cross, indexed: each node's outbound and inbound side of the NIC the
/// transfer uses (its migration NIC on the dedicated migration network, its pod NIC otherwise), with its capacity, what
/// its settled transfers take, and its rising transfers.
/// </summary>
internal sealed class NicPorts(int transfers)
{
    private readonly Dictionary<(NodeState Node, bool MigrationNic, bool Outbound), int> _index = [];
    private readonly List<Port> _ports = [];
    private readonly (int Out, int In)[] _byTransfer = new (int, int)[transfers];

    public int Count => _ports.Count;

    public void Join(int transfer, Transfer t)
    {
        var nic = t.OnMigrationNetwork;
        var outbound = PortOf(t.Source, nic, outbound: true, nic ? t.Source.MigrationNicBandwidth : t.Source.NicBandwidth);
        var inbound = PortOf(t.Target, nic, outbound: false, nic ? t.Target.MigrationNicBandwidth : t.Target.NicBandwidth);
        _ports[outbound].Members.Add(transfer);
        _ports[inbound].Members.Add(transfer);
        _byTransfer[transfer] = (outbound, inbound);
    }

    public int Version(int port) => _ports[port].Version;

    public IReadOnlyList<int> Members(int port) => _ports[port].Members;

    /// <summary>The water level at which <paramref name="port"/> is full, infinite once nothing rises through it.</summary>
    public double FillLevel(int port)
    {
        var p = _ports[port];
        return p.Rising == 0 ? double.PositiveInfinity : Math.Max(0, p.Capacity - p.Settled) / p.Rising;
    }

    /// <summary>Settles <paramref name="transfer"/> at <paramref name="rate"/>; returns its ports, whose fill level moved.</summary>
    public (int, int) Settle(int transfer, double rate)
    {
        var (outbound, inbound) = _byTransfer[transfer];
        Take(outbound, rate);
        Take(inbound, rate);
        return (outbound, inbound);
    }

    private void Take(int port, double rate)
    {
        var p = _ports[port];
        p.Settled += rate;
        p.Rising--;
        p.Version++;
    }

    private int PortOf(NodeState node, bool migrationNic, bool outbound, long capacity)
    {
        if (!_index.TryGetValue((node, migrationNic, outbound), out var port))
        {
            port = _ports.Count;
            _ports.Add(new Port(capacity));
            _index[(node, migrationNic, outbound)] = port;
        }

        _ports[port].Rising++;
        return port;
    }

    private sealed class Port(long capacity)
    {
        public double Capacity { get; } = capacity;

        public double Settled { get; set; }

        public int Rising { get; set; }

        public int Version { get; set; }

        public List<int> Members { get; } = [];
    }
}
