namespace DrainOrchestrator.Simulator.Cluster.Tests.Networking;

public sealed class MigrationNetworkTests
{
    private const string Nad = "migration-net";
    private const string Whereabouts = """{"cniVersion":"0.3.1","type":"macvlan","master":"eth1","ipam":{"type":"whereabouts","range":"192.168.50.0/24"}}""";
    private const long OneGbit = 1_000_000_000 / 8;

    [Fact]
    public void Migrate_NetworkConfigured_TargetAddressFromTheRangeAndTransferAtTheMigrationNicsSpeed()
    {
        var cluster = SimulatedCluster.Create(Scenario(Whereabouts, migrationNicOnTarget: true));

        cluster.Migrate("vm");
        cluster.RunToEnd();

        var truth = cluster.Truth("mig-vm");
        Assert.Equal(MigrationOutcome.Succeeded, truth.Outcome);
        Assert.Equal("192.168.50.2", truth.TargetNodeAddress); // n2 is the scenario's second node
        Assert.Equal("192.168.50.2", cluster.GetVmi(TestClusters.Ns, "vm")!.MigrationState!.TargetNodeAddress);

        // 4 GiB at the 10 Gbit migration NIC takes a few seconds; over the 1 Gbit pod NIC it would take over 30.
        var running = truth.PhaseTransitions.Single(t => t.Phase == MigrationPhase.Running).At;
        var succeeded = truth.PhaseTransitions.Single(t => t.Phase == MigrationPhase.Succeeded).At;
        Assert.True(succeeded - running < TimeSpan.FromSeconds(10), $"took {succeeded - running}");
    }

    [Fact]
    public void Migrate_TargetWithoutMigrationNic_FallsBackToThePodNetworkLikeVirtHandler()
    {
        var cluster = SimulatedCluster.Create(Scenario(Whereabouts, migrationNicOnTarget: false));

        cluster.Migrate("vm");
        cluster.RunToEnd();

        var truth = cluster.Truth("mig-vm");
        Assert.Equal(MigrationOutcome.Succeeded, truth.Outcome);
        Assert.Equal("10.128.0.1", truth.TargetNodeAddress);
        var running = truth.PhaseTransitions.Single(t => t.Phase == MigrationPhase.Running).At;
        var succeeded = truth.PhaseTransitions.Single(t => t.Phase == MigrationPhase.Succeeded).At;
        Assert.True(succeeded - running > TimeSpan.FromSeconds(30), $"took {succeeded - running}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"type":"macvlan","ipam":{"type":"dhcp"}}""")]
    public void Migrate_NadAbsentOrWithoutRange_FallsBackToThePodNetwork(string? config)
    {
        var cluster = SimulatedCluster.Create(Scenario(config, migrationNicOnTarget: true));

        cluster.Migrate("vm");
        cluster.RunToEnd();

        Assert.Equal("10.128.0.1", cluster.Truth("mig-vm").TargetNodeAddress);
    }

    [Fact]
    public void Migrate_RangeTooSmallForTheTarget_FailsWithVirtHandlersError()
    {
        const string OneAddress = """{"ipam":{"type":"whereabouts","range":"192.168.50.0/24","range_start":"192.168.50.9","range_end":"192.168.50.9"}}""";
        var cluster = SimulatedCluster.Create(Scenario(OneAddress, migrationNicOnTarget: true));

        cluster.Migrate("vm");
        cluster.RunToEnd();

        var truth = cluster.Truth("mig-vm");
        Assert.Equal(MigrationOutcome.Failed, truth.Outcome);
        Assert.Contains("no IP found on migration0", truth.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void UpsertNetworkAttachment_AfterStart_LaterMigrationsUseIt()
    {
        var cluster = SimulatedCluster.Create(Scenario(null, migrationNicOnTarget: true));

        cluster.UpsertNetworkAttachment(new NetworkAttachment(MigrationNetwork.Namespace, Nad, Whereabouts));
        cluster.Migrate("vm");
        cluster.RunToEnd();

        Assert.Equal("192.168.50.2", cluster.Truth("mig-vm").TargetNodeAddress);
    }

    private static ClusterScenario Scenario(string? nadConfig, bool migrationNicOnTarget) => TestClusters.Scenario(
        [
            TestClusters.Node("n1", nic: OneGbit) with { MigrationNicBandwidthBytesPerSecond = TestClusters.TenGbit },
            TestClusters.Node("n2", nic: OneGbit) with { MigrationNicBandwidthBytesPerSecond = migrationNicOnTarget ? TestClusters.TenGbit : 0 },
        ],
        [TestClusters.Vm("vm", "n1", memoryGiB: 4, dirtyMiB: 1)],
        MigrationConfig.Default with { Network = Nad })
        with
    {
        NetworkAttachments = nadConfig is null ? [] : [new NetworkAttachment(MigrationNetwork.Namespace, Nad, nadConfig)],
    };
}
