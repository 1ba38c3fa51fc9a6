
namespace DrainOrchestrator.Simulator.Cluster.Tests.Migrations;

public sealed class LimitsTests
{
    [Fact]
    public void CreateMigration_TwentyAtOnceFromTwoNodes_NeverExceedsLimitsAndAllSucceed()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(10));
        foreach (var vmi in cluster.GetVmis())
        {
            Assert.True(cluster.Migrate(vmi.Name).Accepted);
        }

        cluster.RunToEnd();

        var truth = cluster.GetGroundTruth();
        Assert.Equal(20, truth.Migrations.Count);
        Assert.All(truth.Migrations, m => Assert.Equal(MigrationOutcome.Succeeded, m.Outcome));
        Assert.Empty(truth.LimitViolations);
        Assert.True(truth.PeakInFlight <= 5, $"peak {truth.PeakInFlight}");
        Assert.All(truth.PeakInFlightPerSourceNode, p => Assert.True(p.Value <= 2, $"{p.Key}: {p.Value}"));
        Assert.Equal(4, truth.PeakInFlight); // two sources × two outbound each: the per-node limit binds first
        Assert.All(cluster.GetVmis(), v => Assert.NotEqual(v.Name[0] == 'a' ? "node-a" : "node-b", v.NodeName));
    }

    [Fact]
    public void CreateMigration_ManySourceNodes_PeakReachesClusterLimitOnly()
    {
        var nodes = Enumerable.Range(1, 8).Select(i => TestClusters.Node($"n{i}")).ToList();
        var vms = Enumerable.Range(1, 24).Select(i => TestClusters.Vm($"vm-{i}", $"n{(i % 4) + 1}"));
        var cluster = SimulatedCluster.Create(TestClusters.Scenario(nodes, vms));
        foreach (var vmi in cluster.GetVmis())
        {
            cluster.Migrate(vmi.Name);
        }

        cluster.RunToEnd();

        var truth = cluster.GetGroundTruth();
        Assert.Equal(5, truth.PeakInFlight);
        Assert.Empty(truth.LimitViolations);
        Assert.Equal(24, truth.Succeeded);
    }

    [Fact]
    public void SetMigrationConfig_RaisedLimits_AppliesOnNextAdmission()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(10));
        foreach (var vmi in cluster.GetVmis())
        {
            cluster.Migrate(vmi.Name);
        }

        Assert.Equal((4, 16), cluster.GetMigrationCounts());
        var problems = cluster.SetMigrationConfig(MigrationConfig.Default with
        {
            ParallelMigrationsPerCluster = 12,
            ParallelOutboundMigrationsPerNode = 6,
        });

        Assert.Empty(problems);
        Assert.Equal((12, 8), cluster.GetMigrationCounts());
        cluster.RunToEnd();
        Assert.Empty(cluster.GetGroundTruth().LimitViolations);
    }

    [Fact]
    public void SetMigrationConfig_Invalid_ReportsEveryProblem()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1));

        var problems = cluster.SetMigrationConfig(MigrationConfig.Default with
        {
            ParallelMigrationsPerCluster = 0,
            ParallelOutboundMigrationsPerNode = 0,
        });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("must be at least 1, was 0", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateMigration_WaitingVmims_AdmittedInSeededRandomOrderNotFifo()
    {
        var nodes = Enumerable.Range(1, 20).Select(i => TestClusters.Node($"n{i}"));
        var vms = Enumerable.Range(1, 20).Select(i => TestClusters.Vm($"vm-{i:D2}", $"n{i}"));
        var oneAtATime = MigrationConfig.Default with { ParallelMigrationsPerCluster = 1 };
        var cluster = SimulatedCluster.Create(TestClusters.Scenario(nodes, vms, oneAtATime));
        var created = Enumerable.Range(1, 20).Select(i => cluster.Migrate($"vm-{i:D2}").Migration!.Name).ToList();

        cluster.RunToEnd();

        var admitted = cluster.GetGroundTruth().Migrations
            .OrderBy(m => m.PhaseTransitions.First(p => p.Phase == MigrationPhase.Scheduling).At)
            .Select(m => m.Name)
            .ToList();
        Assert.Equal(created[0], admitted[0]); // the only one created while a slot was free
        Assert.NotEqual(created, admitted);
        Assert.Equal(created.Order(StringComparer.Ordinal), admitted.Order(StringComparer.Ordinal));
        Assert.Equal(1, cluster.GetGroundTruth().PeakInFlight);
    }
}
