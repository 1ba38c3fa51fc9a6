using DrainOrchestrator.Simulator.KubeVirt;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>A simulator with the simulated KubeVirt cluster of <see cref="BridgeScenario"/>, model time at 20x.</summary>
public sealed class BridgeFixture : ScenarioFixture
{
    public ClusterModelHost Model => Server.Model ?? throw new InvalidOperationException("no model");

    protected override string ScenarioYaml => BridgeScenario.Yaml;

    protected override string ScenarioFile => "bridge.yaml";
}
