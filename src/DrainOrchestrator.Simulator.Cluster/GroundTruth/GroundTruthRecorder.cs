namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Builds the ground truth by watching the change stream, like an outside observer: in-flight counts come from the
/// VMIM phases it sees and the limits from the configuration changes it sees.
/// </summary>
internal sealed class GroundTruthRecorder(MigrationConfig initialConfig) : IObserver<ClusterChange>
{
    private const string ClusterLimit = "parallelMigrationsPerCluster";
    private const string NodeLimit = "parallelOutboundMigrationsPerNode";

    private readonly Dictionary<string, MigrationTruth> _migrations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perNode = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _peakPerNode = new(StringComparer.Ordinal);
    private readonly List<LimitViolation> _violations = [];
    private readonly List<VmiLoss> _losses = [];
    private readonly List<DuplicateMigration> _duplicates = [];
    private readonly Dictionary<string, SortedSet<string>> _unfinishedByVmi = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Policy, string? Address)> _handOffByMigration = new(StringComparer.Ordinal);
    private readonly UpgradeObserver _upgrades = new();
    private MigrationConfig _config = initialConfig;
    private int _peak;

    public void OnNext(ClusterChange value)
    {
        switch (value)
        {
            case VmimChanged c:
                Observe(c.At, c.Migration);
                break;
            case VmimRemoved c:
                Observe(c.At, c.Migration);
                Unfinished(c.Migration).Remove(c.Migration.Name);
                break;
            case MigrationConfigChanged c:
                _config = c.Config;
                break;
            case NodeUpgradeChanged c:
                _upgrades.Observe(c);
                break;
            case PodChanged c:
                _upgrades.Observe(c);
                break;
            case PodDeleted c:
                _upgrades.Observe(c);
                break;
            case VmiChanged { Vmi: var vmi } c:
                if (vmi.MigrationState is { MigrationPolicyName: var policy, MigrationUid: var uid, TargetNodeAddress: var address })
                {
                    _handOffByMigration[uid] = (policy, address);
                }

                if (vmi.Phase == VmiPhase.Failed && !_losses.Exists(l => l.Uid == vmi.Uid))
                {
                    _losses.Add(new VmiLoss(c.At, vmi.Namespace, vmi.Name, vmi.Uid, vmi.FailureReason));
                }

                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public GroundTruthReport Report(string scenario, int seed, DateTimeOffset startedAt, DateTimeOffset now) => new()
    {
        Scenario = scenario,
        Seed = seed,
        StartedAt = startedAt,
        TakenAt = now,
        Migrations = [.. _migrations.Values.Select(m => _handOffByMigration.TryGetValue(m.Uid, out var h)
            ? m with { MigrationPolicyName = h.Policy, TargetNodeAddress = h.Address }
            : m)],
        PeakInFlight = _peak,
        PeakInFlightPerSourceNode = new SortedDictionary<string, int>(_peakPerNode, StringComparer.Ordinal),
        LimitViolations = [.. _violations],
        DuplicateMigrations = [.. _duplicates],
        VmiLosses = [.. _losses],
        Upgrades = _upgrades.Upgrades,
        GuestsOnRebootingNodes = _upgrades.GuestsOnRebootingNodes,
    };

    private void Observe(DateTimeOffset at, VmimSnapshot vmim)
    {
        var isNew = !_migrations.ContainsKey(vmim.Uid);
        _migrations[vmim.Uid] = ToTruth(vmim);
        ObserveDuplicate(at, vmim, isNew);
        var inFlight = vmim.Phase >= MigrationPhase.Scheduling && !vmim.IsFinal;
        var wasInFlight = _inFlight.Remove(vmim.Uid, out var previousNode);
        if (wasInFlight && previousNode is not null)
        {
            _perNode[previousNode]--;
        }

        if (!inFlight)
        {
            return;
        }

        _inFlight[vmim.Uid] = vmim.SourceNode;
        if (!wasInFlight)
        {
            CheckCluster(at, vmim);
        }

        if (vmim.SourceNode is { } node)
        {
            var count = _perNode[node] = _perNode.GetValueOrDefault(node) + 1;
            _peakPerNode[node] = Math.Max(_peakPerNode.GetValueOrDefault(node), count);
            if (!wasInFlight && count > _config.ParallelOutboundMigrationsPerNode)
            {
                _violations.Add(new LimitViolation(at, NodeLimit, node, count, _config.ParallelOutboundMigrationsPerNode,
                    ClusterKeys.Of(vmim.Namespace, vmim.Name)));
            }
        }
    }

    private void ObserveDuplicate(DateTimeOffset at, VmimSnapshot vmim, bool isNew)
    {
        var unfinished = Unfinished(vmim);
        if (vmim.IsFinal)
        {
            unfinished.Remove(vmim.Name);
            return;
        }

        if (isNew && unfinished.Count > 0)
        {
            _duplicates.Add(new DuplicateMigration(at, vmim.Namespace, vmim.VmiName, vmim.Name, [.. unfinished]));
        }

        unfinished.Add(vmim.Name);
    }

    private SortedSet<string> Unfinished(VmimSnapshot vmim)
    {
        var key = ClusterKeys.Of(vmim.Namespace, vmim.VmiName);
        if (!_unfinishedByVmi.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            _unfinishedByVmi[key] = set;
        }

        return set;
    }

    private void CheckCluster(DateTimeOffset at, VmimSnapshot vmim)
    {
        var count = _inFlight.Count;
        _peak = Math.Max(_peak, count);
        if (count > _config.ParallelMigrationsPerCluster)
        {
            _violations.Add(new LimitViolation(at, ClusterLimit, null, count, _config.ParallelMigrationsPerCluster,
                ClusterKeys.Of(vmim.Namespace, vmim.Name)));
        }
    }

    private static MigrationTruth ToTruth(VmimSnapshot vmim) => new()
    {
        Namespace = vmim.Namespace,
        Name = vmim.Name,
        Uid = vmim.Uid,
        VmiName = vmim.VmiName,
        SourceNode = vmim.SourceNode,
        TargetNode = vmim.TargetNode,
        CreatedAt = vmim.CreatedAt,
        PhaseTransitions = vmim.PhaseTransitions,
        Phase = vmim.Phase,
        Outcome = vmim.Phase switch
        {
            MigrationPhase.Succeeded => MigrationOutcome.Succeeded,
            MigrationPhase.Failed when vmim.AbortRequested => MigrationOutcome.Aborted,
            MigrationPhase.Failed => MigrationOutcome.Failed,
            _ => MigrationOutcome.Unfinished,
        },
        FailureReason = vmim.FailureReason,
        Mode = vmim.Mode,
        BytesProcessed = vmim.BytesProcessed,
    };
}
