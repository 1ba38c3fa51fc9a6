
namespace DrainOrchestrator.Simulator.Cluster.Tests.Migrations;

public sealed class PhaseTests
{
    [Fact]
    public void RunUntilIdle_OneMigration_GoesThroughEveryPhaseInOrder()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1));
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);
        cluster.Migrate("a-1");

        cluster.RunToEnd();

        var phases = log.Of<VmimChanged>().Select(c => c.Migration.Phase).Distinct().ToList();
        Assert.Equal(
            [MigrationPhase.Pending, MigrationPhase.Scheduling, MigrationPhase.Scheduled, MigrationPhase.PreparingTarget,
             MigrationPhase.TargetReady, MigrationPhase.Running, MigrationPhase.Succeeded],
            phases);
        var final = cluster.GetMigration(TestClusters.Ns, "mig-a-1")!;
        Assert.Equal(7, final.PhaseTransitions.Count);
        Assert.True(final.PhaseTransitions.Zip(final.PhaseTransitions.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.Equal(TimeSpan.FromSeconds(5), final.PhaseTransitions[2].At - final.PhaseTransitions[1].At);
    }

    [Fact]
    public void RunUntilIdle_Succeeded_VmiMovesAndMigrationStateIsComplete()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1));
        var sourcePod = cluster.GetVmi(TestClusters.Ns, "a-1")!.LauncherPod;
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);
        cluster.Migrate("a-1");

        cluster.RunToEnd();

        var vmi = cluster.GetVmi(TestClusters.Ns, "a-1")!;
        var state = vmi.MigrationState!;
        var vmim = cluster.GetMigration(TestClusters.Ns, "mig-a-1")!;
        Assert.NotEqual("node-a", vmi.NodeName);
        Assert.Equal(vmi.NodeName, state.TargetNode);
        Assert.Equal("node-a", state.SourceNode);
        Assert.Equal(sourcePod, state.SourcePod);
        Assert.Equal(vmi.LauncherPod, state.TargetPod);
        Assert.True(state.Completed);
        Assert.False(state.Failed);
        Assert.Equal(MigrationMode.PreCopy, state.Mode);
        Assert.Equal("uid-mig-a-1", state.MigrationUid);
        Assert.NotNull(state.StartTimestamp);
        Assert.NotNull(state.EndTimestamp);
        Assert.NotNull(state.MigrationConfiguration);
        Assert.Equal(state, vmim.MigrationState);
        Assert.Contains(log.Of<PodDeleted>(), p => p.Pod.Name == sourcePod);
        Assert.Contains(log.Of<PodChanged>(), p => p.Kind == PodChangeKind.Bound && p.Pod.Name == vmi.LauncherPod);
        Assert.DoesNotContain(cluster.GetPods(), p => p.Name == sourcePod);
    }

    [Fact]
    public void RunUntilIdle_SixthFinishedVmim_OldestGarbageCollected()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1));
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);
        for (var i = 1; i <= 7; i++)
        {
            Assert.True(cluster.Migrate("a-1", $"m{i}").Accepted);
            cluster.RunToEnd();
        }

        var kept = cluster.GetMigrations().Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["m3", "m4", "m5", "m6", "m7"], kept);
        Assert.Equal(["m1", "m2"], log.Of<VmimRemoved>().Where(r => r.Reason == VmimRemovalReason.GarbageCollected).Select(r => r.Migration.Name));
        Assert.Equal(7, cluster.GetGroundTruth().Succeeded);
    }
}
