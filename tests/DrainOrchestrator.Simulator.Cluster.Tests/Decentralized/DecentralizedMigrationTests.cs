namespace DrainOrchestrator.Simulator.Cluster.Tests.Decentralized;

public sealed class DecentralizedMigrationTests
{
    private const string Target = DecentralizedMoves.TargetNs;

    private static ClusterScenario FourNodes(int vms) => TestClusters.Scenario(
        [TestClusters.Node("n1"), TestClusters.Node("n2"), TestClusters.Node("n3"), TestClusters.Node("n4")],
        Enumerable.Range(1, vms).Select(i => TestClusters.Vm($"vm-{i}", $"n{((i - 1) % 2) + 1}")));

    [Fact]
    public void CreateMigration_WithoutFeatureGate_RefusesBothSides()
    {
        var cluster = SimulatedCluster.Create(FourNodes(1));

        var receiver = cluster.PrepareReceiver("vm-1", 0);
        var sender = cluster.Send("vm-1");

        Assert.Equal(VmimCreateStatus.Rejected, receiver.Status);
        Assert.Equal(VmimCreateStatus.Rejected, sender.Status);
        Assert.Contains("DecentralizedLiveMigration feature gate", sender.Message, StringComparison.Ordinal);
        Assert.Contains("spec.receive", receiver.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.GetMigrations());
    }

    [Fact]
    public void PairedMove_RunsThroughSyncPhases_SourceStopsAndReceiverRunsInTarget()
    {
        var cluster = DecentralizedMoves.GatedCluster(FourNodes(1));

        Assert.True(cluster.PrepareReceiver("vm-1", 10 * TestClusters.GiB).Accepted);
        Assert.Equal(VmiPhase.WaitingForSync, cluster.GetVmi(Target, "vm-1")!.Phase);
        Assert.Equal(RunStrategy.WaitAsReceiver, cluster.GetVirtualMachines().Single(v => v.Namespace == Target).RunStrategy);
        Assert.Equal(MigrationPhase.WaitingForSync, cluster.GetMigration(Target, "in-vm-1")!.Phase);
        Assert.True(cluster.Send("vm-1").Accepted);
        Assert.Equal(MigrationPhase.Synchronizing, cluster.GetMigration(TestClusters.Ns, "out-vm-1")!.Phase);
        Assert.Equal([SynchronizationController.Address], cluster.GetMigration(Target, "in-vm-1")!.SynchronizationAddresses);

        cluster.RunToEnd();

        MigrationPhase[] expected =
            [MigrationPhase.WaitingForSync, MigrationPhase.Synchronizing, MigrationPhase.Running, MigrationPhase.Succeeded];
        Assert.Equal(expected, cluster.Phases(TestClusters.Ns, "out-vm-1"));
        Assert.Equal(expected, cluster.Phases(Target, "in-vm-1"));
        var vms = cluster.GetGroundTruth().VirtualMachines;
        var source = vms.Single(v => v.Namespace == TestClusters.Ns);
        var receiver = vms.Single(v => v.Namespace == Target);
        Assert.Equal((RunStrategy.Halted, null, null), (source.RunStrategy, source.VmiPhase, source.Node));
        Assert.True(receiver.Running);
        Assert.Equal(RunStrategy.Always, receiver.RunStrategy);
        Assert.NotEqual("n1", receiver.Node);
        Assert.Single(vms, v => v.Running);
        var sent = cluster.GetMigration(TestClusters.Ns, "out-vm-1")!;
        Assert.True(sent.BytesProcessed >= 14 * TestClusters.GiB, $"processed {sent.BytesProcessed}");
        Assert.Equal(14 * TestClusters.GiB, sent.BytesTotal);
        Assert.DoesNotContain(cluster.GetPods(), p => p.Namespace == TestClusters.Ns);
    }

    [Fact]
    public void PairedMove_DiskBytes_AddTheirTransferTime()
    {
        static TimeSpan RunningTime(long diskBytes)
        {
            var cluster = DecentralizedMoves.GatedCluster(FourNodes(1));
            cluster.PrepareReceiver("vm-1", diskBytes);
            cluster.Send("vm-1");
            cluster.RunToEnd();
            var transitions = cluster.GetMigration(TestClusters.Ns, "out-vm-1")!.PhaseTransitions;
            return transitions.Single(t => t.Phase == MigrationPhase.Succeeded).At - transitions.Single(t => t.Phase == MigrationPhase.Running).At;
        }

        var memoryOnly = RunningTime(0);
        var withDisk = RunningTime(50 * TestClusters.GiB);

        // 50 GiB over at most a 10 Gbit/s NIC takes at least 42.9 s more.
        var extra = (50.0 * TestClusters.GiB / TestClusters.TenGbit) - 0.5;
        Assert.True((withDisk - memoryOnly).TotalSeconds >= extra, $"memory only {memoryOnly}, with disk {withDisk}");
    }

    [Fact]
    public void ManyPairs_CountTwiceAgainstTheClusterLimit_AndAllEndInTarget()
    {
        var cluster = DecentralizedMoves.GatedCluster(FourNodes(8));
        for (var i = 1; i <= 8; i++)
        {
            Assert.True(cluster.PrepareReceiver($"vm-{i}", TestClusters.GiB).Accepted);
            Assert.True(cluster.Send($"vm-{i}").Accepted);
        }

        Assert.Equal((4, 6), cluster.GetMigrationCounts()); // two pairs: four slots of five
        cluster.RunToEnd();

        var truth = cluster.GetGroundTruth();
        Assert.Empty(truth.LimitViolations);
        Assert.Equal(4, truth.PeakInFlight);
        Assert.Equal(16, truth.Succeeded);
        Assert.All(truth.VirtualMachines, v => Assert.Equal(v.Namespace == Target, v.Running));
        Assert.Equal(8, truth.VirtualMachines.Count(v => v.Running));
    }

    [Fact]
    public void SourceNodeLimit_HoldsForDecentralizedPairs()
    {
        var scenario = FourNodes(6) with { MigrationConfig = MigrationConfig.Default with { ParallelMigrationsPerCluster = 20 } };
        var cluster = DecentralizedMoves.GatedCluster(scenario);
        for (var i = 1; i <= 6; i++)
        {
            cluster.PrepareReceiver($"vm-{i}", 0);
            cluster.Send($"vm-{i}");
        }

        Assert.Equal((8, 2), cluster.GetMigrationCounts()); // two outbound per source node (n1, n2): four pairs run
        cluster.RunToEnd();
        Assert.Empty(cluster.GetGroundTruth().LimitViolations);
        Assert.Equal(12, cluster.GetGroundTruth().Succeeded);
    }

    [Fact]
    public void WrongConnectUrl_FailsBothSides_SourceKeepsRunning()
    {
        var cluster = DecentralizedMoves.GatedCluster(FourNodes(1));
        cluster.PrepareReceiver("vm-1", 0);

        Assert.True(cluster.Send("vm-1", "10.0.0.1:9185").Accepted);
        cluster.RunToEnd();

        Assert.Equal(MigrationPhase.Failed, cluster.GetMigration(TestClusters.Ns, "out-vm-1")!.Phase);
        Assert.Equal(MigrationPhase.Failed, cluster.GetMigration(Target, "in-vm-1")!.Phase);
        Assert.Contains("10.0.0.1:9185", cluster.GetMigration(Target, "in-vm-1")!.FailureReason, StringComparison.Ordinal);
        Assert.Equal(VmiPhase.Running, cluster.GetVmi(TestClusters.Ns, "vm-1")!.Phase);
        Assert.Equal(VmiPhase.WaitingForSync, cluster.GetVmi(Target, "vm-1")!.Phase);
    }

    [Fact]
    public void UnknownStorageClass_LeavesThePvcUnbound_AndTheMoveFails()
    {
        var cluster = DecentralizedMoves.GatedCluster(FourNodes(1));
        cluster.PrepareReceiver("vm-1", TestClusters.GiB, storageClass: "no-such-class");

        Assert.False(cluster.GetDataVolumes().Single().Bound);
        cluster.Send("vm-1");
        cluster.RunToEnd();

        var failed = cluster.GetMigration(TestClusters.Ns, "out-vm-1")!;
        Assert.Equal(MigrationPhase.Failed, failed.Phase);
        Assert.Contains("target/vm-1-disk", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, cluster.GetMigrationCounts().InFlight);
    }

    [Fact]
    public void DeletingTheReceiverVmim_MidTransfer_FailsThePair_AndFreesTheSlots()
    {
        var cluster = DecentralizedMoves.GatedCluster(FourNodes(1));
        cluster.PrepareReceiver("vm-1", 100 * TestClusters.GiB);
        cluster.Send("vm-1");
        cluster.RunUntilIdle(cluster.Now.AddSeconds(30));
        Assert.Equal(MigrationPhase.Running, cluster.GetMigration(Target, "in-vm-1")!.Phase);

        cluster.DeleteMigration(Target, "in-vm-1");
        cluster.RunToEnd();

        Assert.Null(cluster.GetMigration(Target, "in-vm-1"));
        Assert.Equal(MigrationPhase.Failed, cluster.GetMigration(TestClusters.Ns, "out-vm-1")!.Phase);
        Assert.Equal(0, cluster.GetMigrationCounts().InFlight);
        Assert.Equal(VmiPhase.Running, cluster.GetVmi(TestClusters.Ns, "vm-1")!.Phase);
    }

    [Fact]
    public void SecondSenderForOneMigrationId_IsRefused()
    {
        var cluster = DecentralizedMoves.GatedCluster(FourNodes(2));
        cluster.PrepareReceiver("vm-1", 0);
        cluster.Send("vm-1");

        var second = cluster.CreateMigration(new VmimCreateRequest(TestClusters.Ns, "out-again", "uid-again", "vm-2",
            Decentralized: new DecentralizedSpec(DecentralizedRole.Sender, "move-vm-1", SynchronizationController.Address)));

        Assert.Equal(VmimCreateStatus.Rejected, second.Status);
        Assert.Contains("move-vm-1", second.Message, StringComparison.Ordinal);
    }
}
