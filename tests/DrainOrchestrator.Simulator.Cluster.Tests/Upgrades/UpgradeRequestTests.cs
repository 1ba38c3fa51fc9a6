using static DrainOrchestrator.Simulator.Cluster.Tests.Upgrades.UpgradeClusters;

namespace DrainOrchestrator.Simulator.Cluster.Tests.Upgrades;

public sealed class UpgradeRequestTests
{
    private static SimulatedCluster Unmarked() => Create(s => s with { TargetVersion = null, Nodes = [] }, vmOnN1: false);

    [Fact]
    public void RequestUpgrade_UnmarkedNode_MarksItWithTheScenariosTimings()
    {
        var cluster = Unmarked();
        Assert.Empty(cluster.GetUpgrades());

        var result = cluster.RequestUpgrade(new UpgradeRequest("n3", To, UpgradeOrigin.Annotation));
        cluster.SetNodeUnschedulable("n3", true);
        cluster.RunToEnd();

        Assert.Equal((UpgradeRequestStatus.Accepted, UpgradeState.Waiting), (result.Status, result.Upgrade!.State));
        var upgrade = cluster.Upgrade("n3");
        Assert.Equal((UpgradeState.Done, UpgradeOrigin.Annotation), (upgrade.State, upgrade.Origin));
        Assert.Equal(Reboot, upgrade.ReadyAt - upgrade.RebootStartedAt);
    }

    [Fact]
    public void RequestUpgrade_PendingUpgrade_TakesTheNewTarget()
    {
        var cluster = Unmarked();
        cluster.RequestUpgrade(new UpgradeRequest("n1", To));

        var again = cluster.RequestUpgrade(new UpgradeRequest("n1", "v1.34.0"));
        cluster.SetNodeUnschedulable("n1", true);
        cluster.RunToEnd();

        Assert.Equal(UpgradeRequestStatus.Accepted, again.Status);
        var upgrade = Assert.Single(cluster.GetUpgrades());
        Assert.Equal(("v1.34.0", UpgradeState.Done), (upgrade.TargetVersion, upgrade.State));
        Assert.Equal("v1.34.0", cluster.GetNode("n1")!.KubeletVersion);
    }

    [Fact]
    public void RequestUpgrade_RebootingNode_Rejected()
    {
        var cluster = Unmarked();
        cluster.RequestUpgrade(new UpgradeRequest("n1", To) { Trigger = UpgradeTrigger.Marked });
        cluster.AdvanceBy(StartDelay);

        var result = cluster.RequestUpgrade(new UpgradeRequest("n1", "v1.34.0"));

        Assert.Equal(UpgradeRequestStatus.Rejected, result.Status);
        Assert.Contains("n1 is rebooting for its upgrade to v1.33.2", result.Problem, StringComparison.Ordinal);
        Assert.Contains("can no longer be cancelled", cluster.CancelUpgrade("n1", "test"), StringComparison.Ordinal);
    }

    [Fact]
    public void RequestUpgrade_UnknownNodeOrCurrentVersion_NothingMarked()
    {
        var cluster = Unmarked();

        var unknown = cluster.RequestUpgrade(new UpgradeRequest("n9", To));
        var same = cluster.RequestUpgrade(new UpgradeRequest("n1", From));

        Assert.Equal((UpgradeRequestStatus.Rejected, "unknown node \"n9\""), (unknown.Status, unknown.Problem));
        Assert.Equal(UpgradeRequestStatus.AlreadyAtVersion, same.Status);
        Assert.Empty(cluster.GetUpgrades());
    }

    [Fact]
    public void CancelUpgrade_BeforeTheReboot_NodeNeverGoesDown()
    {
        var cluster = Create(vmOnN1: false);
        cluster.SetNodeUnschedulable("n1", true);
        cluster.AdvanceBy(StartDelay / 2);

        Assert.Null(cluster.CancelUpgrade("n1", "the annotation was removed"));
        cluster.RunToEnd();

        var upgrade = cluster.Upgrade("n1");
        Assert.Equal((UpgradeState.Cancelled, "the annotation was removed"), (upgrade.State, upgrade.Message));
        Assert.Null(upgrade.RebootStartedAt);
        var node = cluster.GetNode("n1")!;
        Assert.True(node.Ready);
        Assert.Equal("Cancelled", node.Annotations[UpgradeAnnotations.State]);
        Assert.False(node.Annotations.ContainsKey(UpgradeAnnotations.TargetVersion));
    }

    [Fact]
    public void RequestUpgrade_DoneNode_NewTargetIsASecondUpgrade()
    {
        var cluster = Create(vmOnN1: false);
        cluster.SetNodeUnschedulable("n1", true);
        cluster.RunToEnd();

        var second = cluster.RequestUpgrade(new UpgradeRequest("n1", "v1.34.0"));
        cluster.RunToEnd();

        Assert.Equal(2, second.Upgrade!.Id);
        Assert.Equal([(From, To), (To, "v1.34.0")], cluster.GetUpgrades().Select(u => (u.FromVersion, u.TargetVersion)));
        Assert.Equal("v1.34.0", cluster.GetNode("n1")!.KubeletVersion);
    }
}
