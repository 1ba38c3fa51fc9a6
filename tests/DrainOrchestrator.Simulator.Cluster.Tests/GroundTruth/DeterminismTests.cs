
namespace DrainOrchestrator.Simulator.Cluster.Tests.GroundTruth;

public sealed class DeterminismTests
{
    private static string Run(string scenarioName, int seed)
    {
        var cluster = SimulatedCluster.Create(ScenarioCatalog.Load(scenarioName), new SimulationOptions { Seed = seed });
        foreach (var vmi in cluster.GetVmis().Where(v => v.LiveMigratable))
        {
            Assert.True(cluster.CreateMigration(new VmimCreateRequest(vmi.Namespace, $"drain-{vmi.Name}", $"uid-{vmi.Name}", vmi.Name)).Accepted);
        }

        cluster.RunToEnd();
        return cluster.GetGroundTruth().ToJson();
    }

    [Fact]
    public void GetGroundTruth_SameScenarioAndSeed_IdenticalJson()
    {
        var first = Run("demo", 7);
        var second = Run("demo", 7);

        Assert.Equal(first, second);
        Assert.Contains("\"outcome\": \"Succeeded\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void GetGroundTruth_DifferentSeed_DifferentAdmissionOrder()
    {
        Assert.NotEqual(Run("demo", 7), Run("demo", 8));
    }

    [Fact]
    public void GetGroundTruth_ChaosScenario_FaultsReplayIdentically()
    {
        var first = Run("chaos", 3);

        Assert.Equal(first, Run("chaos", 3));
        Assert.Contains("\"outcome\": \"Failed\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void AdvanceTo_IrregularRealTimeSteps_SameOutcomesAsVirtualRun()
    {
        var virtualRun = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(3));
        var realTime = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(3));
        foreach (var cluster in new[] { virtualRun, realTime })
        {
            foreach (var vmi in cluster.GetVmis())
            {
                cluster.Migrate(vmi.Name);
            }
        }

        virtualRun.RunToEnd();
        var random = new Random(5);
        while (realTime.NextEventTime is not null)
        {
            realTime.AdvanceTo(realTime.Now + TimeSpan.FromMilliseconds(random.Next(1, 700)));
        }

        var expected = virtualRun.GetGroundTruth().Migrations;
        var actual = realTime.GetGroundTruth().Migrations;
        Assert.Equal(expected.Select(m => (m.Name, m.Outcome, m.TargetNode)), actual.Select(m => (m.Name, m.Outcome, m.TargetNode)));
        Assert.All(expected.Zip(actual), p =>
            Assert.True((p.First.PhaseTransitions[^1].At - p.Second.PhaseTransitions[^1].At).Duration() <= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AdvanceTo_PastTime_Ignored()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1));
        var now = cluster.Now;

        cluster.AdvanceTo(now.AddSeconds(-5));

        Assert.Equal(now, cluster.Now);
        Assert.Null(cluster.NextEventTime);
    }
}
