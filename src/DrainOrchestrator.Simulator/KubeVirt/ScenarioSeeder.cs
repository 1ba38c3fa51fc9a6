using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.KubeVirt;

/// <summary>
/// Seeds the store from a cluster scenario and leaves the simulated KubeVirt cluster running behind it
/// (<see cref="Host"/>, set by <see cref="SeedAsync"/>; the server starts and stops it).
/// </summary>
/// <param name="scenario">The scenario to run.</param>
/// <param name="seed">The model's seed; null uses the scenario's.</param>
/// <param name="network">The network shared with another cluster served by this process (two ports); null for one cluster.</param>
public sealed class ScenarioSeeder(ClusterScenario scenario, int? seed = null, ClusterNetwork? network = null) : ISeeder
{
    /// <summary>The network shared with other clusters, if any.</summary>
    public ClusterNetwork? Network => network;

    /// <summary>The scenario.</summary>
    public ClusterScenario Scenario => scenario;

    /// <summary>The running cluster model, once seeded.</summary>
    public ClusterModelHost? Host { get; private set; }

    /// <inheritdoc />
    public Task SeedAsync(ObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        cancellationToken.ThrowIfCancellationRequested();
        Host = ClusterModelHost.Create(scenario, seed, store, network);
        return Task.CompletedTask;
    }
}
