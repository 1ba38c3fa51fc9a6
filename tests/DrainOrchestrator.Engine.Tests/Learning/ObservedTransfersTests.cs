using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Learning;

/// <summary>The history a plan learns from: recorded attempts and the VMIs' last migrationState, counted once.</summary>
public sealed class ObservedTransfersTests
{
    private const long GiB = 1024L * 1024 * 1024;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static VmiSnapshot Vmi(string uid, long memory) => new("ns", uid, uid, "n1", Empty, Empty, memory, Empty, [], [], true, null,
        EvictionStrategy.LiveMigrate, RunStrategy.Always, null);

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    private static ClusterSnapshot Snapshot(params VmiSnapshot[] vmis) => new([], vmis, ClusterMigrationConfig.KubeVirtDefaults, [], []);

    [Fact]
    public void History_AttemptsWithAndWithoutBytes_ThroughputFromBytesElseMemory()
    {
        var snapshot = Snapshot(Vmi("a", 8 * GiB), Vmi("b", 4 * GiB));
        FinishedTransfer[] transfers =
        [
            new("a", "n1", T0, T0.AddSeconds(64), null, PostCopy: false),          // 8 GiB in 64 s: 128 MiB/s
            new("b", "n2", T0, T0.AddSeconds(10), 2 * GiB, PostCopy: true),        // 2 GiB in 10 s, post-copy
            new("gone", "n1", T0, T0.AddSeconds(10), null, PostCopy: false),       // neither bytes nor a VMI: unusable
        ];

        var history = ObservedTransfers.History(transfers, null, snapshot);

        Assert.Equal(8 * GiB / 64, history.ThroughputOf("a"));
        Assert.Null(history.DirtyRateOf("a"));
        Assert.Equal(2 * GiB / 10, history.ThroughputOf("b"));
        Assert.Equal(2 * GiB / 10, history.DirtyRateOf("b"));
        Assert.Null(history.ThroughputOf("gone"));
        Assert.Equal(8 * GiB / 64, history.ThroughputFrom("n1"));
    }

    [Fact]
    public void History_VmiMigrationState_FedAndTheSameMigrationCountedOnce()
    {
        var snapshot = Snapshot(Vmi("a", 8 * GiB), Vmi("c", 2 * GiB));
        var state = new ClusterState([],
        [
            WireVmi("a", T0, T0.AddSeconds(64), "PreCopy"),
            WireVmi("c", T0, T0.AddSeconds(4), "PostCopy"),
        ], [], [], [], null);
        FinishedTransfer[] recorded = [new("a", "n1", T0, T0.AddSeconds(64), null, PostCopy: false)];

        var history = ObservedTransfers.History(recorded, state, snapshot);

        Assert.Equal(8 * GiB / 64, history.ThroughputOf("a"));
        Assert.Equal(2 * GiB / 4, history.ThroughputOf("c"));
        Assert.Equal(2 * GiB / 4, history.DirtyRateOf("c"));
        // "a"'s migrationState tells of the attempt already recorded (same end): it is not counted again from n0.
        Assert.Equal(2 * GiB / 4, history.ThroughputFrom("n0"));
        Assert.Equal(8 * GiB / 64, history.ThroughputFrom("n1"));
    }

    [Fact]
    public void Plan_VmSeenToNeedPostCopy_PlannedInPostCopyAndSaysObserved()
    {
        var vmi = Vmi("a", 16 * GiB);
        var config = ClusterMigrationConfig.KubeVirtDefaults with
        {
            // Capped below what the guest dirtied last time, so a NIC to itself would not save it either.
            Settings = ClusterMigrationConfig.KubeVirtDefaults.Settings with { AllowPostCopy = true, BandwidthPerMigrationBytesPerSecond = 64L << 20 },
        };
        NodeSnapshot[] nodes = [Node("n1"), Node("n2")];
        var snapshot = new ClusterSnapshot(nodes, [vmi], config, [], []);
        var history = ObservedTransfers.History([new FinishedTransfer("a", "n1", T0, T0.AddSeconds(200), null, PostCopy: true)], null, snapshot);

        var blind = DrainPlanner.Plan(snapshot, ["n1"], new Core.Policy.DrainPolicy()).Items.Single();
        var learned = DrainPlanner.Plan(snapshot, ["n1"], new Core.Policy.DrainPolicy(), history).Items.Single();

        Assert.Equal(MigrationMode.PreCopy, blind.Estimate.Mode);
        Assert.Equal(MigrationMode.PostCopy, learned.Estimate.Mode);
        Assert.Equal(InputSource.Observed, learned.DirtyRateSource);
        Assert.Equal(InputSource.Observed, learned.BandwidthSource);
    }

    private static NodeSnapshot Node(string name) => new(name, new Dictionary<string, string> { ["kubernetes.io/hostname"] = name }, [], false, true,
        64 * GiB, 0, null, "v1.33.0");

    private static VirtualMachineInstance WireVmi(string uid, DateTimeOffset start, DateTimeOffset end, string mode) => new()
    {
        Metadata = new ObjectMeta { Name = uid, Namespace = "ns", Uid = uid },
        Status = new VirtualMachineInstanceStatus
        {
            NodeName = "n9",
            MigrationState = new VirtualMachineInstanceMigrationState
            {
                StartTimestamp = start,
                EndTimestamp = end,
                Completed = true,
                SourceNode = "n0",
                Mode = mode,
            },
        },
    };
}
