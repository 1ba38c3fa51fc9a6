using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Learning;

namespace DrainOrchestrator.Engine.Tests.Learning;

/// <summary>The engine's side of learning within a drain: siblings that wait for the first of their kind.</summary>
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
}
