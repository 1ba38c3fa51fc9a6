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
public sealed class ScenarioSeeder(ClusterScenario scenario, int? seed = null) : ISeeder
{
    /// <summary>The scenario.</summary>
    public ClusterScenario Scenario => scenario;

    /// <summary>The running cluster model, once seeded.</summary>
    public ClusterModelHost? Host { get; private set; }

    /// <inheritdoc />
    public Task SeedAsync(ObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        cancellationToken.ThrowIfCancellationRequested();
        Host = ClusterModelHost.Create(scenario, seed, store);
        return Task.CompletedTask;
    }
}
