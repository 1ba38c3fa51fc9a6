namespace DrainOrchestrator.Simulator.Cluster.Tests.Decentralized;

/// <summary>Two clusters on one <see cref="ClusterNetwork"/>: a VM moves from cluster "east" to cluster "west".</summary>
public sealed class CrossClusterMigrationTests
{
    private const string Ns = TestClusters.Ns;
    private const string Target = DecentralizedMoves.TargetNs;

    private static (SimulatedCluster East, SimulatedCluster West) Linked(int vms, int westLimit = 5)
    {
        var network = new ClusterNetwork();
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var eastScenario = TestClusters.Scenario([TestClusters.Node("e1"), TestClusters.Node("e2")],
            Enumerable.Range(1, vms).Select(i => TestClusters.Vm($"vm-{i}", "e1")));
        var westScenario = TestClusters.Scenario([TestClusters.Node("w1"), TestClusters.Node("w2")], [],
            MigrationConfig.Default with { ParallelMigrationsPerCluster = westLimit });
        var east = SimulatedCluster.Create(eastScenario with { Name = "east" }, new SimulationOptions { Network = network, StartTime = start });
        var west = SimulatedCluster.Create(westScenario with { Name = "west" }, new SimulationOptions { Network = network, StartTime = start });
        east.SetFeatureGates([FeatureGates.DecentralizedLiveMigration]);
        west.SetFeatureGates([FeatureGates.DecentralizedLiveMigration]);
        return (east, west);
    }

    /// <summary>In west: a 1 GiB DataVolume, the receiver VM and VMIM for east's <paramref name="vm"/>.</summary>
    private static void PrepareReceiver(SimulatedCluster west, SimulatedCluster east, string vm)
    {
        var source = east.GetVirtualMachines().Single(v => v.Name == vm);
        Assert.Null(west.CreateDataVolume(new DataVolumeRequest(Target, $"{vm}-disk", $"uid-dv-{vm}", "", TestClusters.GiB)));
        Assert.Null(west.CreateReceiverVm(new ReceiverVmRequest(Target, vm, $"uid-rvm-{vm}", source.MemoryBytes, source.RunStrategy,
            [$"{vm}-disk"], source.Labels)));
        Assert.True(west.CreateMigration(new VmimCreateRequest(Target, $"in-{vm}", $"uid-in-{vm}", vm,
            Decentralized: new DecentralizedSpec(DecentralizedRole.Receiver, $"move-{vm}"))).Accepted);
    }

    private static VmimCreateResult Send(SimulatedCluster east, string vm, string connectUrl) =>
        east.CreateMigration(new VmimCreateRequest(Ns, $"out-{vm}", $"uid-out-{vm}", vm,
            Decentralized: new DecentralizedSpec(DecentralizedRole.Sender, $"move-{vm}", connectUrl)));

    /// <summary>Both clusters' clocks in step, a second at a time, until neither has anything left to do (as the hosts' drivers do).</summary>
    private static void RunBoth(SimulatedCluster east, SimulatedCluster west)
    {
        // A pairing made by one cluster's request is admitted on the other's next pass, so both always take a step.
        var until = east.Now.AddHours(1);
        do
        {
            var next = east.Now.AddSeconds(1);
            east.AdvanceTo(next);
            west.AdvanceTo(next);
        }
        while (east.Now < until && (east.NextEventTime is not null || west.NextEventTime is not null));
    }

    [Fact]
    public void Network_GivesEachClusterItsOwnSynchronizationAddress()
    {
        var (east, west) = Linked(0);

        Assert.Equal("10.129.0.9:9185", east.SynchronizationAddress);
        Assert.Equal("10.130.0.9:9185", west.SynchronizationAddress);
        Assert.Equal("10.130.0.9", west.SynchronizationPodIp);
    }

    [Fact]
    public void SenderNamingTheOtherClustersController_PairsThere_AndTheVmRunsOnceInTheTargetCluster()
    {
        var (east, west) = Linked(1);

        PrepareReceiver(west, east, "vm-1");
        Assert.True(Send(east, "vm-1", west.SynchronizationAddress).Accepted);
        RunBoth(east, west);

        MigrationPhase[] expected =
            [MigrationPhase.WaitingForSync, MigrationPhase.Synchronizing, MigrationPhase.Running, MigrationPhase.Succeeded];
        Assert.Equal(expected, east.Phases(Ns, "out-vm-1"));
        Assert.Equal(expected, west.Phases(Target, "in-vm-1"));
        Assert.Equal([west.SynchronizationAddress], west.GetMigration(Target, "in-vm-1")!.SynchronizationAddresses);
        var vms = east.GetGroundTruth().VirtualMachines.Concat(west.GetGroundTruth().VirtualMachines).ToList();
        var running = Assert.Single(vms, v => v.Name == "vm-1" && v.Running);
        Assert.Equal(("west", Target), (running.Cluster, running.Namespace));
        Assert.StartsWith("w", running.Node, StringComparison.Ordinal);
        Assert.Equal(RunStrategy.Halted, vms.Single(v => v.Cluster == "east").RunStrategy);
        Assert.Contains(west.GetPods(), p => p.Namespace == Target && p.VmiName == "vm-1");
        Assert.DoesNotContain(east.GetPods(), p => p.VmiName == "vm-1");
        Assert.Equal(TestClusters.GiB, east.GetMigration(Ns, "out-vm-1")!.DiskBytes);
    }

    [Fact]
    public void ReceiverCreatedAfterTheSender_PairsAcrossToo()
    {
        var (east, west) = Linked(1);

        Assert.True(Send(east, "vm-1", west.SynchronizationAddress).Accepted);
        RunBoth(east, west);
        Assert.Equal(MigrationPhase.WaitingForSync, east.GetMigration(Ns, "out-vm-1")!.Phase);
        PrepareReceiver(west, east, "vm-1");
        RunBoth(east, west);

        Assert.Equal(MigrationPhase.Succeeded, east.GetMigration(Ns, "out-vm-1")!.Phase);
        Assert.Equal(MigrationPhase.Succeeded, west.GetMigration(Target, "in-vm-1")!.Phase);
    }

    [Fact]
    public void ManyMoves_HoldEachClustersLimit_OneSlotOnEachSide()
    {
        var (east, west) = Linked(4, westLimit: 1);

        for (var i = 1; i <= 4; i++)
        {
            PrepareReceiver(west, east, $"vm-{i}");
            Assert.True(Send(east, $"vm-{i}", west.SynchronizationAddress).Accepted);
        }

        RunBoth(east, west);

        var eastTruth = east.GetGroundTruth();
        var westTruth = west.GetGroundTruth();
        Assert.Equal(4, westTruth.VirtualMachines.Count(v => v.Running));
        Assert.DoesNotContain(eastTruth.VirtualMachines, v => v.Running);
        Assert.Equal(1, westTruth.PeakInFlight);
        Assert.Equal(1, eastTruth.PeakInFlight);
        Assert.Empty(westTruth.LimitViolations);
        Assert.Empty(eastTruth.LimitViolations);
        Assert.Equal((0, 0), west.GetMigrationCounts());
        Assert.Equal((0, 0), east.GetMigrationCounts());
    }

    [Fact]
    public void DeletingTheReceiverVmimInTheTargetCluster_FailsBothSides_AndTheSourceKeepsRunning()
    {
        var (east, west) = Linked(1);
        PrepareReceiver(west, east, "vm-1");
        Send(east, "vm-1", west.SynchronizationAddress);
        east.AdvanceBy(TimeSpan.FromMilliseconds(500));
        west.AdvanceTo(east.Now);

        west.DeleteMigration(Target, "in-vm-1");
        RunBoth(east, west);

        Assert.Equal(MigrationPhase.Failed, east.GetMigration(Ns, "out-vm-1")!.Phase);
        Assert.True(east.GetGroundTruth().VirtualMachines.Single().Running);
        Assert.DoesNotContain(west.GetPods(), p => p.VmiName == "vm-1");
        Assert.Equal((0, 0), west.GetMigrationCounts());
    }
}
