using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// A simulator running the cluster model of a scenario written inline as YAML, at <see cref="Speed"/> times wall time,
/// with a kubectl bound to its kubeconfig (it fails, not skips, when kubectl is missing).
/// </summary>
public abstract class ScenarioFixture : SimulatorFixture
{
    /// <summary>Model time per wall time.</summary>
    public virtual double Speed => 20;

    public Kubectl Kubectl
    {
        get
        {
            Assert.True(Kubectl.Binary.Length > 0, Kubectl.InstallHint);
            return new Kubectl(KubeconfigPath, Path.Combine(Directory, "kube-cache"));
        }
    }

    /// <summary>The scenario's YAML.</summary>
    protected abstract string ScenarioYaml { get; }

    /// <summary>The file name the scenario's errors name.</summary>
    protected abstract string ScenarioFile { get; }

    protected override ISeeder CreateSeeder() => new ScenarioSeeder(ScenarioCatalog.Parse(ScenarioYaml, ScenarioFile));

    protected override SimulatorServerOptions Configure(SimulatorServerOptions options) => options with { Speed = Speed };
}
