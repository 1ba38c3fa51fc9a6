namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// KubeVirt's controllers as one state machine: the migration controller (admission under the limits, phases, abort,
/// garbage collection), the scheduler for target pods, the transfer monitor and the VM controller's restarts.
/// Everything runs on the model's thread and time; nothing here reads a clock.
/// </summary>
internal sealed partial class ClusterController
{
    /// <summary>KubeVirt keeps this many finished VMIMs per VMI.</summary>
    public const int FinishedMigrationsKept = 5;

    private readonly ModelContext _ctx;
    private readonly TargetPlacer _placer;
    private readonly TimeSpan _step;
    private readonly SortedSet<MigrationJob> _pending = new(AdmissionOrder.Instance);
    private readonly List<MigrationJob> _unplaced = [];
    private readonly List<VmState> _unplacedVmis = [];
    private int _inFlight;
    private long _sequence;
    private bool _admissionNeeded;
    private bool _capacityChanged;

    public ClusterController(ModelContext ctx, TimeSpan step, ClusterNetwork? network = null)
    {
        _ctx = ctx;
        Network = network;
        _step = step;
        _placer = new TargetPlacer(ctx.State, ctx.SchedulerRandom);
        Transfers = new TransferEngine(ctx.State.Timings.AutoConvergeStep);
        Faults = new FaultBook();
    }

    public TransferEngine Transfers { get; }

    /// <summary>The network shared with other clusters; null when this cluster is alone.</summary>
    public ClusterNetwork? Network { get; }

    public string ClusterName => State.ClusterName;

    /// <summary>This cluster's synchronization controller address.</summary>
    public string SyncAddress => State.SyncAddress;

    public FaultBook Faults { get; }

    /// <summary>When the transfer monitor next looks at the running transfers; null when none runs.</summary>
    public DateTimeOffset? NextTick { get; private set; }

    public int InFlight => _inFlight;

    public int PendingCount => _pending.Count;

    private ClusterState State => _ctx.State;

    private DateTimeOffset Now => _ctx.Now;

    /// <summary>Whether this cluster has a free slot beyond <paramref name="reserved"/> (for a cross-cluster pair's receiver).</summary>
    public bool HasFreeSlot(int reserved) => State.Config.ParallelMigrationsPerCluster - _inFlight - reserved > 0;

    /// <summary>A pass was asked for and has not run yet (only another cluster's request leaves one behind).</summary>
    public bool AdmissionRequested => _admissionNeeded;

    /// <summary>Something may have freed a slot or changed the limits: admit waiting VMIMs on the next pass.</summary>
    public void RequestAdmission() => _admissionNeeded = true;

    /// <summary>Node capacity or schedulability changed: retry unplaced pods on the next pass.</summary>
    public void CapacityChanged() => _capacityChanged = true;

    /// <summary>One controller pass: retry placement if capacity changed, then admit under the live limits.</summary>
    public void Reconcile()
    {
        if (_capacityChanged)
        {
            _capacityChanged = false;
            RetryUnplaced();
        }

        if (_evacuationNeeded || _admissionNeeded)
        {
            _evacuationNeeded = false;
            Evacuate();
        }

        if (_admissionNeeded)
        {
            _admissionNeeded = false;
            AdmitPending();
        }
    }

    private void AdmitPending()
    {
        var config = State.Config;
        var free = config.ParallelMigrationsPerCluster - _inFlight;
        if (free <= 0 || _pending.Count == 0)
        {
            return;
        }

        var chosen = new List<MigrationJob>();
        var used = 0;
        var extraPerNode = new Dictionary<NodeState, int>();
        var remoteTaken = new Dictionary<ClusterController, int>();
        foreach (var job in _pending)
        {
            if (used >= free)
            {
                break;
            }

            if (used + SlotsOf(job) > free)
            {
                continue;
            }

            var source = job.Vm.Pod?.Node;
            if (source is null || !ReferenceEquals(job.Vm.ActiveMigration, job))
            {
                continue;
            }

            extraPerNode.TryGetValue(source, out var extra);
            if (source.OutboundInFlight + extra >= config.ParallelOutboundMigrationsPerNode)
            {
                continue;
            }

            if (RemoteReceiver(job) is { Owner: var remote })
            {
                remoteTaken.TryGetValue(remote, out var taken);
                if (!remote.HasFreeSlot(taken))
                {
                    continue;
                }

                remoteTaken[remote] = taken + 1;
            }

            extraPerNode[source] = extra + 1;
            used += SlotsOf(job);
            chosen.Add(job);
        }

        foreach (var job in chosen)
        {
            _pending.Remove(job);
            StartScheduling(job);
        }
    }

    /// <summary>
    /// Cluster slots a VMIM takes here: a decentralized pair counts on both sides, so two when both are in this cluster,
    /// one when its receiver is in another (which counts the other).
    /// </summary>
    private int SlotsOf(MigrationJob job) => job.Decentralized is null || RemoteReceiver(job) is not null ? 1 : 2;

    /// <summary>Enters a phase, keeping the in-flight counts (cluster and source node) in step, and publishes it.</summary>
    private void SetPhase(MigrationJob job, MigrationPhase phase)
    {
        if (job.Decentralized?.Role == DecentralizedRole.Receiver)
        {
            // The sender holds the pair's counts; the caller finishes the receiver.
            job.EnterPhase(phase, Now);
            _ctx.Publish(new VmimChanged(Now, job.ToSnapshot()));
            return;
        }

        var wasInFlight = job.IsInFlight;
        job.EnterPhase(phase, Now);
        if (wasInFlight && !job.IsInFlight)
        {
            _inFlight -= SlotsOf(job);
            job.SourceNode!.OutboundInFlight--;
            _admissionNeeded = true;
            RemoteReceiver(job)?.Owner.ReleaseRemoteSlot();
            Network?.RequestAdmissionEverywhere();
        }
        else if (!wasInFlight && job.IsInFlight)
        {
            _inFlight += SlotsOf(job);
            job.SourceNode!.OutboundInFlight++;
            RemoteReceiver(job)?.Owner.TakeRemoteSlot();
        }

        _ctx.Publish(new VmimChanged(Now, job.ToSnapshot()));
        if (job.Peer is { } receiver)
        {
            receiver.Owner.Mirror(receiver, phase);
        }
    }

    /// <summary>Schedules <paramref name="action"/> to run only if the VMIM is still in the same phase by then.</summary>
    private void After(TimeSpan delay, MigrationJob job, Action action)
    {
        var generation = job.Generation;
        _ctx.Schedule(delay, () =>
        {
            if (job.Generation == generation && !job.IsFinal)
            {
                action();
            }
        });
    }
}
