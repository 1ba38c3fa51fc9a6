using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>
/// Two clusters of one process: both seeders' models join one <see cref="ClusterNetwork"/>, and the second's options are
/// the first's with its own port, kubeconfig and ground truth (API faults and ServiceAccount tokens stay the first's).
/// </summary>
public static class PeerClusters
{
    /// <summary>
    /// The two linked seeders, or null and why not: both scenarios must run a cluster model (not <c>empty</c> or a
    /// <c>.json</c> List). The second cluster's name is its scenario's, suffixed <c>-peer</c> when both are equal.
    /// </summary>
    public static (ScenarioSeeder First, ScenarioSeeder Second)? Link(ISeeder first, string peerScenario, int? seed, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(first);
        var second = Scenarios.Resolve(peerScenario, seed, out problem);
        if (second is null)
        {
            problem = $"--peer-scenario: {problem}";
            return null;
        }

        if (first is not ScenarioSeeder a || second is not ScenarioSeeder b)
        {
            problem = "--peer-scenario needs both clusters to run a cluster model: give --scenario and --peer-scenario a "
                + "built-in scenario, generated:... or a .yaml file (not empty or a .json List)";
            return null;
        }

        var network = new ClusterNetwork();
        var secondScenario = b.Scenario.Name == a.Scenario.Name ? b.Scenario with { Name = b.Scenario.Name + "-peer" } : b.Scenario;
        return (new ScenarioSeeder(a.Scenario, seed, network), new ScenarioSeeder(secondScenario, seed, network));
    }

    /// <summary>The second cluster's server options, from the first's.</summary>
    public static SimulatorServerOptions ForPeer(SimulatorServerOptions options, PeerClusterOptions peer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(peer);
        return options with
        {
            Listen = peer.Listen,
            KubeconfigPath = peer.KubeconfigPath,
            GroundTruthPath = peer.GroundTruthPath,
            Faults = [],
            ServiceAccountTokens = [],
            Peer = null,
        };
    }
}
