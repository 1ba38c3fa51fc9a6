using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>A simulator with the simulated KubeVirt cluster of <see cref="BridgeScenario"/>, model time at 20x.</summary>
public sealed class BridgeFixture : SimulatorFixture
{
    public const double Speed = 20;

    public Kubectl Kubectl
    {
        get
        {
            Assert.True(Kubectl.Binary.Length > 0, Kubectl.InstallHint);
            return new Kubectl(KubeconfigPath, Path.Combine(Directory, "kube-cache"));
        }
    }

    public ClusterModelHost Model => Server.Model ?? throw new InvalidOperationException("no model");

    protected override ISeeder CreateSeeder() => new ScenarioSeeder(ScenarioCatalog.Parse(BridgeScenario.Yaml, "bridge.yaml"));

    protected override SimulatorServerOptions Configure(SimulatorServerOptions options) => options with { Speed = Speed };
}
