using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// Transfers capped by <c>bandwidthPerMigration</c> at most half the source NIC run side by side without slowing each
/// other: the source's other slot starts now instead of waiting for the first transfer's bytes at the NIC's whole rate.
/// </summary>
public sealed class CappedLanesTests
{
    private const long Nic = 1_250_000_000; // 10 Gbit/s

    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];

    private static ClusterSnapshot Cluster(long cap) => Make.Cluster(Nodes,
        [Make.Vmi("a", "n1", 8, dirtyRate: 0), Make.Vmi("b", "n1", 8, dirtyRate: 0)],
        ClusterMigrationConfig.KubeVirtDefaults with
        {
            Settings = MigrationSettings.KubeVirtDefaults with { BandwidthPerMigrationBytesPerSecond = cap },
        });

    [Fact]
    public void Decide_TwoTransfersCappedBelowHalfTheNic_BothStartAtOnce()
    {
        // 512 MiB/s each: two fit in 10 Gbit/s, so the second slot has nothing to wait for.
        var decision = DrainScheduler.Decide(State(Cluster(512L * 1024 * 1024), ["n1"]), T0);

        Assert.Equal(["a", "b"], decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_CapAboveHalfTheNic_SecondWaitsForTheNic()
    {
        // 800 MB/s each: two would slow each other, so the second starts just in time as before.
        var decision = DrainScheduler.Decide(State(Cluster(800_000_000), ["n1"]), T0);

        Assert.Single(decision.Actions.OfType<StartMigration>());
        Assert.NotNull(decision.WakeAt);
    }
}
