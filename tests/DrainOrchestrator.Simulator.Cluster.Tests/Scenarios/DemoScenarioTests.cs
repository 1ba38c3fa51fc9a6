using System.Text.Json;

namespace DrainOrchestrator.Simulator.Cluster.Tests.Scenarios;

public sealed class DemoScenarioTests
{
    private static (SimulatedCluster Cluster, Dictionary<string, VmimCreateResult> Results) DrainWorkerA1()
    {
        var cluster = SimulatedCluster.Create(ScenarioCatalog.Load("demo"));
        cluster.SetNodeUnschedulable("worker-a1", true);
        var results = cluster.GetVmis()
            .Where(v => v.NodeName is "worker-a1" or "worker-b2" or "worker-a2")
            .ToDictionary(v => v.Name, v => cluster.CreateMigration(new VmimCreateRequest(v.Namespace, "drain-" + v.Name, "uid-" + v.Name, v.Name)));
        cluster.RunToEnd();
        return (cluster, results);
    }

    [Fact]
    public void RunUntilIdle_DemoDrain_HotGuestsBehaveAsConfigured()
    {
        var (cluster, results) = DrainWorkerA1();

        var truth = cluster.GetGroundTruth();
        Assert.Equal(VmimCreateStatus.Rejected, results["legacy-oracle"].Status);
        var analytics = truth.Migrations.Single(m => m.VmiName == "analytics");
        Assert.Equal(MigrationOutcome.Succeeded, analytics.Outcome);
        Assert.Equal(MigrationMode.PostCopy, analytics.Mode);
        Assert.Equal("databases-post-copy", analytics.MigrationPolicyName);
        var postgres = truth.Migrations.Single(m => m.VmiName == "postgres-1");
        Assert.Equal(MigrationOutcome.Failed, postgres.Outcome);
        Assert.Equal("production-bandwidth", postgres.MigrationPolicyName);
        Assert.True(truth.Succeeded > 10);
        Assert.Empty(truth.LimitViolations);
        Assert.DoesNotContain(truth.Migrations, m => m.TargetNode is "worker-a1" or "gpu-b3" && !m.VmiName.StartsWith("ml-", StringComparison.Ordinal));
    }

    [Fact]
    public void GetGroundTruth_Json_IsCamelCaseWithEnumNames()
    {
        var (cluster, _) = DrainWorkerA1();

        using var document = JsonDocument.Parse(cluster.GetGroundTruth().ToJson());

        var root = document.RootElement;
        Assert.Equal("demo", root.GetProperty("scenario").GetString());
        Assert.True(root.GetProperty("peakInFlight").GetInt32() <= 5);
        var first = root.GetProperty("migrations")[0];
        Assert.NotNull(first.GetProperty("outcome").GetString());
        Assert.True(first.GetProperty("bytesProcessed").GetInt64() >= 0);
        Assert.Equal(JsonValueKind.Array, first.GetProperty("phaseTransitions").ValueKind);
    }

    [Fact]
    public void RunUntilIdle_GeneratedCluster_AllMigratableVmsMoveWithinLimits()
    {
        var cluster = SimulatedCluster.Create(ScenarioCatalog.Load("generated:nodes=20,vms=300,seed=2"));
        foreach (var vmi in cluster.GetVmis())
        {
            cluster.CreateMigration(new VmimCreateRequest(vmi.Namespace, "m-" + vmi.Name, "u-" + vmi.Name, vmi.Name));
        }

        cluster.RunToEnd();

        var truth = cluster.GetGroundTruth();
        Assert.Empty(truth.LimitViolations);
        Assert.All(truth.Migrations, m => Assert.NotEqual(MigrationOutcome.Unfinished, m.Outcome));
        Assert.True(truth.Succeeded >= truth.Migrations.Count * 9 / 10, $"{truth.Succeeded}/{truth.Migrations.Count}");
    }
}
