namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// A simulated KubeVirt cluster, pure and in-process: typed inputs (create/delete VMIMs, node spec, configuration,
/// policies, labels, faults), an ordered stream of typed changes, snapshot queries, ground truth, and a discrete clock
/// driven by <see cref="AdvanceTo"/>. Thread-safe: every call takes one lock, and subscribers are called synchronously
/// under it, in order (they must not block; they may read the snapshots they are given).
/// </summary>
public sealed partial class SimulatedCluster : IObservable<ClusterChange>
{
    private readonly Lock _gate;
    private readonly ModelContext _ctx;
    private readonly ClusterController _controller;
    private readonly GroundTruthRecorder _truth;
    private readonly NodeUpgrader _upgrader;

    private SimulatedCluster(ClusterScenario scenario, int seed, TimeSpan step, DateTimeOffset start, ClusterNetwork? network)
    {
        _gate = network?.Gate ?? new Lock();
        Scenario = scenario;
        Seed = seed;
        Step = step;
        StartedAt = start;
        var state = new ClusterState
        {
            Config = scenario.MigrationConfig,
            Timings = scenario.Timings,
            EvacuationController = scenario.EvacuationController,
            ClusterName = scenario.Name,
        };
        _ctx = new ModelContext(state, seed, start);
        _controller = new ClusterController(_ctx, step, network);
        if (network is not null)
        {
            state.SyncPodIp = network.Join(_controller);
        }

        _controller.Transfers.IntegrateTo(start);
        _truth = new GroundTruthRecorder(scenario.MigrationConfig);
        _ctx.Changes.Subscribe(_truth);
        ClusterBuilder.Populate(_ctx, _controller, scenario);
        _upgrader = new NodeUpgrader(_ctx, _controller, scenario.Upgrade, seed);
        _upgrader.MarkFromScenario();
    }

    /// <summary>The scenario this run started from.</summary>
    public ClusterScenario Scenario { get; }

    /// <summary>The seed of this run.</summary>
    public int Seed { get; }

    /// <summary>The physics step.</summary>
    public TimeSpan Step { get; }

    /// <summary>The cluster's name on its network (the scenario's name).</summary>
    public string ClusterName => Scenario.Name;

    /// <summary>Its synchronization controller's pod IP (<c>10.129.0.9</c> alone or first on a network).</summary>
    public string SynchronizationPodIp => _ctx.State.SyncPodIp;

    /// <summary>Its synchronization controller's address, <c>podIP:9185</c>: what a sender's connectURL names.</summary>
    public string SynchronizationAddress => _ctx.State.SyncAddress;

    /// <summary>Model time at the start.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Builds a run of <paramref name="scenario"/>.</summary>
    /// <exception cref="ScenarioException">The scenario is invalid (every problem listed).</exception>
    /// <exception cref="ArgumentException">The options are invalid (every problem listed).</exception>
    public static SimulatedCluster Create(ClusterScenario scenario, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new SimulationOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid simulation options: " + string.Join("; ", problems), nameof(options));
        }

        var errors = ScenarioValidator.Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioException(errors);
        }

        return new SimulatedCluster(
            scenario, options.Seed ?? scenario.Seed, options.Step, options.StartTime ?? scenario.StartTime, options.Network);
    }

    /// <summary>Subscribes to the change stream. Changes are delivered synchronously under the model's lock.</summary>
    public IDisposable Subscribe(IObserver<ClusterChange> observer)
    {
        lock (_gate)
        {
            return _ctx.Changes.Subscribe(observer);
        }
    }

    /// <summary>Runs <paramref name="mutation"/> under the lock, then lets the controllers react at the current time.</summary>
    private T Mutate<T>(Func<T> mutation)
    {
        lock (_gate)
        {
            var result = mutation();
            RunDue();
            return result;
        }
    }
}
