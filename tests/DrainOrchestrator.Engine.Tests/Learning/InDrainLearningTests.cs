using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Persistence.Attempts;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Learning;

/// <summary>
/// The engine's side of learning within a drain: siblings that wait for the first of their kind, and the guarded pre-copy
/// of a guest of a kind nothing is known of.
/// </summary>
public sealed class InDrainLearningTests
{
    private const long GiB = 1024L * 1024 * 1024;
    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    private static VmiSnapshot Vmi(string name, string node, long memory, string app, long? dirtyRate = null) =>
        new("ns", name, "uid-" + name, node, new Dictionary<string, string> { ["app"] = app, ["vm.kubevirt.io/name"] = name }, Empty,
            memory, Empty, [], [], true, null, EvictionStrategy.LiveMigrate, RunStrategy.Always, dirtyRate);

    private static NodeSnapshot Node(string name, long? nic = null) =>
        new(name, Empty, [], false, true, 512 * GiB, 0, nic, "v1.33.0");

    private static DrainPlan Plan(params VmiSnapshot[] vmis) =>
        DrainPlanner.Plan(new ClusterSnapshot([Node("n1"), Node("n2"), Node("r1"), Node("r2")], vmis, ClusterMigrationConfig.KubeVirtDefaults, [], []),
            ["n1", "n2"], new DrainPolicy());

    [Fact]
    public void Waiting_UnknownKindRunning_ItsSiblingsOnTheSameNodeWait_UntilOneEnded()
    {
        var plan = Plan(Vmi("db-1", "n1", 16 * GiB, "db"), Vmi("db-2", "n1", 16 * GiB, "db"), Vmi("db-3", "n2", 16 * GiB, "db"),
            Vmi("web-1", "n1", 4 * GiB, "web"));
        var waits = new SiblingWaits(plan.Items);

        var waiting = waits.Waiting([("uid-db-1", "n1")]);

        Assert.Equal(["uid-db-2"], waiting.Order(StringComparer.Ordinal));

        waits.Known("uid-db-1");
        Assert.Empty(waits.Waiting([("uid-db-1", "n1")]));
    }

    [Fact]
    public void Waiting_KnownDirtyRate_NobodyWaits()
    {
        var plan = Plan(Vmi("db-1", "n1", 16 * GiB, "db", dirtyRate: 800L << 20), Vmi("db-2", "n1", 16 * GiB, "db", dirtyRate: 800L << 20));
        var waits = new SiblingWaits(plan.Items);

        Assert.Empty(waits.Waiting([("uid-db-1", "n1")]));
    }

    [Fact]
    public void PreCopyGuardOf_UnknownKind_GuardedUntilASiblingEnded()
    {
        var plan = Plan(Vmi("db-1", "n1", 16 * GiB, "db"), Vmi("db-2", "n1", 16 * GiB, "db"), Vmi("web-1", "n2", 4 * GiB, "web"));
        var learner = new DrainLearner(plan, new DrainPolicy(), MigrationHistory.Empty, NullLogger.Instance, "d", enabled: true);
        var snapshot = new ClusterSnapshot([Node("n1"), Node("n2"), Node("r1"), Node("r2")], [.. plan.Items.Select(i => i.Vmi)],
            ClusterMigrationConfig.KubeVirtDefaults, [], []);

        Assert.NotNull(learner.PreCopyGuardOf("uid-db-1"));
        Assert.NotNull(learner.PreCopyGuardOf("uid-db-2"));

        // db-1 converged in pre-copy: its kind is known, its siblings run as the plan now predicts them, unguarded.
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ended = new AttemptRecord(1, Guid.Empty, 1, 1, "ns", "db-1", "uid-db-1", "n1", "r1", "vmim-db-1", "u1", "PreCopy",
            AttemptOutcome.Succeeded, null, null, null, null, "{}", false, t0, t0, t0.AddSeconds(10), t0.AddSeconds(40));
        learner.Apply(new ClusterState([], [], [], [], [], null), snapshot, [ended]);

        Assert.Null(learner.PreCopyGuardOf("uid-db-2"));
        Assert.NotNull(learner.PreCopyGuardOf("uid-web-1"));
    }

    [Fact]
    public void PreCopyGuardOf_AnnotatedRateOrLearningOff_NotGuarded()
    {
        var plan = Plan(Vmi("db-1", "n1", 16 * GiB, "db", dirtyRate: 20L << 20), Vmi("web-1", "n2", 4 * GiB, "web"));
        var learner = new DrainLearner(plan, new DrainPolicy(), MigrationHistory.Empty, NullLogger.Instance, "d", enabled: true);
        var off = new DrainLearner(plan, new DrainPolicy(), MigrationHistory.Empty, NullLogger.Instance, "d", enabled: false);

        Assert.Null(learner.PreCopyGuardOf("uid-db-1"));
        Assert.NotNull(learner.PreCopyGuardOf("uid-web-1"));
        Assert.Null(off.PreCopyGuardOf("uid-web-1"));
        Assert.Null(learner.PreCopyGuardOf("uid-not-planned"));
    }
}
