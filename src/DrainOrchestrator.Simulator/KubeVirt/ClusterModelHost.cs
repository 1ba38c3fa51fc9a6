using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt.Admission;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;
using DrainOrchestrator.Simulator.KubeVirt.Sync;
using DrainOrchestrator.Simulator.KubeVirt.Time;

namespace DrainOrchestrator.Simulator.KubeVirt;

/// <summary>
/// A simulated KubeVirt cluster behind the API server's store. Model to store: every change the model publishes is
/// queued and applied in order by a pump. Store to model: client writes are admitted by a write hook that turns them
/// into model inputs (the store lock is taken first, then the model's, never the other way round). Time: a driver
/// advances the model with the store's clock, which may run faster than the wall clock.
/// </summary>
public sealed class ClusterModelHost : IAsyncDisposable
{
    private readonly TimeProvider _clock;
    private readonly ChangeQueue _queue = new();
    private readonly ChangePump _pump;
    private readonly IDisposable _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _faultsLock = new();
    private readonly List<JsonObject> _faults = [];
    private Task _running = Task.CompletedTask;

    private ClusterModelHost(SimulatedCluster cluster, ObjectStore store)
    {
        Cluster = cluster;
        _clock = store.Time;
        var renderer = new ClusterRenderer(new RenderContext(cluster.StartedAt));
        var writer = new StoreWriter(store);
        LabelDefaults.Apply(cluster);
        InitialRender.Write(cluster, writer, renderer, CancellationToken.None);
        _subscription = cluster.Subscribe(_queue);
        _pump = new ChangePump(writer, renderer, Diagnostics);
        store.AddWriteHook(new ModelWriteHook(new ModelGateway(cluster, _clock, renderer)));
    }

    /// <summary>The model.</summary>
    public SimulatedCluster Cluster { get; }

    /// <summary>Problems between the model and the store.</summary>
    public BridgeDiagnostics Diagnostics { get; } = new();

    /// <summary>
    /// Builds the model of <paramref name="scenario"/> starting at the store clock's current time, writes its objects
    /// into <paramref name="store"/> and plugs the write hook in. Call <see cref="Start"/> once the server runs.
    /// </summary>
    public static ClusterModelHost Create(ClusterScenario scenario, int? seed, ObjectStore store, ClusterNetwork? network = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(store);
        var cluster = SimulatedCluster.Create(
            scenario, new SimulationOptions { Seed = seed, StartTime = store.Time.GetUtcNow(), Network = network });
        return new ClusterModelHost(cluster, store);
    }

    /// <summary>Starts the pump and the clock driver (advancing every <paramref name="tick"/> of wall time).</summary>
    public void Start(TimeSpan tick)
    {
        var driver = new ModelClockDriver(Cluster, _clock, tick, Diagnostics);
        _running = Task.WhenAll(
            Task.Run(() => _pump.RunAsync(_queue.Reader, _stop.Token)),
            Task.Run(() => driver.RunAsync(_stop.Token)));
    }

    /// <summary>Injects a fault now; returns what is wrong with it (an unknown node or VM), or null when injected.</summary>
    public string? InjectFault(FaultSpec fault, JsonObject asPosted)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(asPosted);
        Cluster.AdvanceTo(_clock.GetUtcNow());
        var problem = Cluster.InjectFault(fault);
        if (problem is null)
        {
            var record = (JsonObject)asPosted.DeepClone();
            record["injectedAt"] = Cluster.Now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            lock (_faultsLock)
            {
                _faults.Add(record);
            }
        }

        return problem;
    }

    /// <summary>Marks a node for upgrade now (the model first brought up to the clock's time).</summary>
    public UpgradeRequestResult RequestUpgrade(UpgradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Cluster.AdvanceTo(_clock.GetUtcNow());
        return Cluster.RequestUpgrade(request);
    }

    /// <summary>The faults injected through the admin API so far, with their model time.</summary>
    public JsonArray InjectedFaults()
    {
        lock (_faultsLock)
        {
            return new JsonArray([.. _faults.Select(f => f.DeepClone())]);
        }
    }

    /// <summary>The model's ground truth as JSON, with the bridge's diagnostics.</summary>
    public JsonObject GroundTruth()
    {
        var truth = JsonNode.Parse(Cluster.GetGroundTruth().ToJson())!.AsObject();
        truth["bridge"] = Diagnostics.ToJson();
        return truth;
    }

    /// <summary>Stops the driver and the pump.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription.Dispose();
        await _running;
        _stop.Dispose();
    }
}
