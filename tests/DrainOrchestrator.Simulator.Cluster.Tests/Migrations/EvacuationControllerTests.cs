namespace DrainOrchestrator.Simulator.Cluster.Tests.Migrations;

/// <summary>KubeVirt's evacuation controller in the model: a drain taint empties a node through KubeVirt's own VMIMs.</summary>
public sealed class EvacuationControllerTests
{
    private static readonly NodeTaint Drain = new(KubeVirtMigrationAnnotations.DrainTaint, "draining", TaintEffect.NoSchedule);

    [Fact]
    public void DrainTaint_WithTheController_MigratesEveryLiveMigrateVmiOffWithinTheLimits()
    {
        var cluster = Cluster(evacuationController: true, out _);

        cluster.SetNodeTaints("node-a", [Drain]);
        var created = cluster.GetMigrations();
        cluster.RunToEnd();

        // Per-node limit 2 and every unfinished VMIM counted: two at a time, as KubeVirt creates them.
        Assert.Equal(2, created.Count);
        var truth = cluster.GetGroundTruth();
        Assert.Equal(6, truth.Migrations.Count);
        Assert.Empty(truth.LimitViolations);
        Assert.All(truth.Migrations, m => Assert.StartsWith(KubeVirtMigrationAnnotations.EvacuationNamePrefix, m.Name, StringComparison.Ordinal));
        Assert.All(cluster.GetMigrations(), m =>
        {
            Assert.Equal(MigrationPhase.Succeeded, m.Phase);
            Assert.Equal(MigrationPriority.SystemCritical, m.Priority);
            Assert.Equal("node-a", m.Annotations[KubeVirtMigrationAnnotations.Evacuation]);
            Assert.True(m.CreatedByModel);
        });
        var vmis = cluster.GetVmis().ToDictionary(v => v.Name);
        Assert.All(Enumerable.Range(1, 6), i => Assert.NotEqual("node-a", vmis[$"vm-{i}"].NodeName));
        Assert.Equal("node-a", vmis["no-strategy"].NodeName);
    }

    [Fact]
    public void DrainTaint_WithoutTheController_CreatesNothing()
    {
        var cluster = Cluster(evacuationController: false, out _);

        cluster.SetNodeTaints("node-a", [Drain]);
        cluster.RunToEnd();

        Assert.Empty(cluster.GetMigrations());
    }

    [Fact]
    public void CordonOrOtherTaint_WithTheController_CreatesNothing()
    {
        var cluster = Cluster(evacuationController: true, out _);

        cluster.SetNodeUnschedulable("node-a", true);
        cluster.SetNodeTaints("node-a", [new NodeTaint(KubeVirtMigrationAnnotations.DrainTaint, "", TaintEffect.PreferNoSchedule)]);
        cluster.RunToEnd();

        Assert.Empty(cluster.GetMigrations());
    }

    [Fact]
    public void WaitingVmims_SystemCriticalOneCreatedLast_GetsTheNextSlotFirst()
    {
        var config = MigrationConfig.Default with { ParallelMigrationsPerCluster = 1 };
        var cluster = SimulatedCluster.Create(TestClusters.Scenario(
            [TestClusters.Node("node-a"), TestClusters.Node("node-b")],
            Enumerable.Range(1, 4).Select(i => TestClusters.Vm($"vm-{i}", "node-a")), config));
        cluster.Migrate("vm-1");
        cluster.Migrate("vm-2");
        cluster.Migrate("vm-3");
        cluster.CreateMigration(new VmimCreateRequest(TestClusters.Ns, "critical", "uid-critical", "vm-4", Priority: MigrationPriority.SystemCritical));

        cluster.RunToEnd();

        var started = cluster.GetGroundTruth().Migrations
            .OrderBy(m => m.PhaseTransitions.First(t => t.Phase == MigrationPhase.Scheduling).At)
            .Select(m => m.Name).ToList();
        Assert.Equal("mig-vm-1", started[0]);
        Assert.Equal("critical", started[1]);
    }

    private static SimulatedCluster Cluster(bool evacuationController, out ClusterScenario scenario)
    {
        var vms = Enumerable.Range(1, 6).Select(i => TestClusters.Vm($"vm-{i}", "node-a"))
            .Append(TestClusters.Vm("no-strategy", "node-a") with { EvictionStrategy = null });
        scenario = TestClusters.Scenario([TestClusters.Node("node-a"), TestClusters.Node("node-b"), TestClusters.Node("node-c")], vms)
            with
        { EvacuationController = evacuationController };
        return SimulatedCluster.Create(scenario);
    }
}
