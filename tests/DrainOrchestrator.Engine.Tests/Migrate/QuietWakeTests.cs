using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Engine.Tests.Migrate;

/// <summary>
/// <see cref="QuietWake"/>: a pass goes back to waiting only when nothing its decision reads moved since a pass that
/// decided to do nothing, and no timer of that pass is due.
/// </summary>
public sealed class QuietWakeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly ClusterSnapshot Snapshot = new([], [], ClusterMigrationConfig.KubeVirtDefaults, [], []);

    private static bool Planned(string key) => key.StartsWith("vms/", StringComparison.Ordinal);

    private static ClusterChanges Changes(string[]? vmis = null, string[]? vms = null, string[]? migrations = null, string[]? nodes = null,
        ClusterKind[]? others = null) =>
        new(7, false, new HashSet<string>(nodes ?? []), new HashSet<string>(vmis ?? ["other/churn"]), new HashSet<string>(migrations ?? []),
            new HashSet<string>(vms ?? []), new HashSet<ClusterKind>(others ?? []));

    private static QuietWake Settled(bool didNothing = true)
    {
        var quiet = new QuietWake();
        quiet.Settle(4, Snapshot, records: 12, DrainState.Running, didNothing, T0.AddSeconds(30), until: T0.AddSeconds(3));
        return quiet;
    }

    [Fact]
    public void Holds_OnlyOtherVmisChangedAndNoTimerDue_GoesBackToWaiting()
    {
        var quiet = Settled();

        Assert.True(quiet.Holds(Snapshot, Changes(), Planned, 12, DrainState.Running, T0.AddSeconds(1), busy: false));
        Assert.Equal(4, quiet.DecidedPass);
        Assert.Equal(T0.AddSeconds(30), quiet.WakeAt);
    }

    [Fact]
    public void Holds_AfterADecisionThatActed_Decides()
    {
        Assert.False(Settled(didNothing: false).Holds(Snapshot, Changes(), Planned, 12, DrainState.Running, T0.AddSeconds(1), busy: false));
    }

    [Fact]
    public void Holds_AnythingTheDecisionReadsMoved_Decides()
    {
        var quiet = Settled();
        var now = T0.AddSeconds(1);
        var moved = Snapshot with { };

        Assert.False(quiet.Holds(moved, Changes(), Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(vmis: ["other/churn", "vms/a"]), Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(vms: ["vms/a"]), Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(migrations: ["vms/m"]), Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(nodes: ["w1"]), Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(others: [ClusterKind.Policy]), Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, ClusterChanges.Everything(7), Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, null, Planned, 12, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(), Planned, 13, DrainState.Running, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(), Planned, 12, DrainState.Paused, now, busy: false));
        Assert.False(quiet.Holds(Snapshot, Changes(), Planned, 12, DrainState.Running, now, busy: true));
    }

    [Fact]
    public void Holds_TimerDueOrForgotten_Decides()
    {
        var quiet = Settled();

        Assert.False(quiet.Holds(Snapshot, Changes(), Planned, 12, DrainState.Running, T0.AddSeconds(3), busy: false));
        quiet.Forget();
        Assert.False(quiet.Holds(Snapshot, Changes(), Planned, 12, DrainState.Running, T0.AddSeconds(1), busy: false));
    }
}
