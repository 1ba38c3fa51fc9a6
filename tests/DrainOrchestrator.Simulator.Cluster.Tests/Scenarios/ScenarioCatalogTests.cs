
namespace DrainOrchestrator.Simulator.Cluster.Tests.Scenarios;

public sealed class ScenarioCatalogTests
{
    [Fact]
    public void BuiltInNames_ShipDemoSmallChaosLargeRollingUpgrade() =>
        Assert.Equal(["chaos", "demo", "large", "rolling-upgrade", "small"], ScenarioCatalog.BuiltInNames);

    [Theory]
    [InlineData("small")]
    [InlineData("demo")]
    [InlineData("chaos")]
    [InlineData("rolling-upgrade")]
    public void Load_BuiltIn_CreatesRunningCluster(string name)
    {
        var cluster = SimulatedCluster.Create(ScenarioCatalog.Load(name));

        Assert.NotEmpty(cluster.GetNodes());
        Assert.All(cluster.GetVmis(), v => Assert.Equal(VmiPhase.Running, v.Phase));
        Assert.Equal(cluster.GetVmis().Count, cluster.GetPods().Count);
    }

    [Fact]
    public void Load_Demo_HasHotGuestsNonMigratableAndPolicies()
    {
        var scenario = ScenarioCatalog.Load("demo");

        Assert.True(scenario.Vms.Count >= 30, scenario.Vms.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(scenario.Nodes.Count >= 5);
        Assert.Contains(scenario.Vms, v => v.NonMigratableReason == LiveMigratableReasons.DisksNotLiveMigratable);
        Assert.True(scenario.Vms.Count(v => v.DirtyRateBytesPerSecond >= 1024 * TestClusters.MiB) >= 3);
        Assert.Equal(2, scenario.MigrationPolicies.Count);
    }

    [Fact]
    public void Load_LargeBuiltIn_GeneratesFromSection()
    {
        var scenario = ScenarioCatalog.Load("large");

        Assert.Equal(500, scenario.Nodes.Count);
        Assert.Equal(10_000, scenario.Vms.Count);
    }

    [Fact]
    public void Load_GeneratedSpec_ReproducibleFromSeed()
    {
        var first = ScenarioCatalog.Load("generated:nodes=20,vms=200,seed=4");
        var second = ScenarioCatalog.Load("generated:nodes=20,vms=200,seed=4");

        Assert.Equal(20, first.Nodes.Count);
        Assert.Equal(first.Vms.Select(v => (v.Name, v.MemoryBytes, v.DirtyRateBytesPerSecond)), second.Vms.Select(v => (v.Name, v.MemoryBytes, v.DirtyRateBytesPerSecond)));
    }

    [Fact]
    public void Load_GeneratedSpecWithBadParameters_ReportsEach()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Load("generated:nodes=0,vms=x,colour=red"));

        Assert.Equal(3, error.Errors.Count);
    }

    [Fact]
    public void Load_Unknown_NamesTheBuiltIns()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Load("no-such-scenario"));

        Assert.Contains("demo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_File_UsesPathInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: x\nnodes: []\nbogus: 1\n");
        try
        {
            var error = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Load(path));

            Assert.Contains($"{path}:3:1: unknown field \"bogus\"", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BuiltInScenarios_CopiedToOutputFolder() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "scenarios", "demo.yaml")));
}
