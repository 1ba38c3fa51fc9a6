using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// The engine's world for one run on one simulated cluster: its clock (model time), its view (fed from the model's
/// changes) and its actions, kept across the run's batches as one engine process would keep its informers.
/// </summary>
internal sealed class EngineSession : IDisposable
{
    private readonly IDisposable _subscription;

    public EngineSession(SimulatedCluster cluster, DeterministicIds ids)
    {
        Clock = new ModelClock(cluster);
        View = new ModelView(Clock);
        var feed = new ModelFeed(cluster, View.Cache);
        _subscription = cluster.Subscribe(feed);
        Actions = new ModelActions(cluster, feed, View, ids);
    }

    public ModelClock Clock { get; }

    public ModelView View { get; }

    public ModelActions Actions { get; }

    public void Dispose() => _subscription.Dispose();
}
