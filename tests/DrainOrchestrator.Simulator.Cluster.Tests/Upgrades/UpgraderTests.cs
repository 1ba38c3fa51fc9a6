using static DrainOrchestrator.Simulator.Cluster.Tests.Upgrades.UpgradeClusters;

namespace DrainOrchestrator.Simulator.Cluster.Tests.Upgrades;

public sealed class UpgraderTests
{
    [Fact]
    public void Cordon_EmptyMarkedNode_RebootsAfterStartDelayAndReturnsOnTheNewVersion()
    {
        var cluster = Create(vmOnN1: false);
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);
        var t0 = cluster.Now;

        cluster.SetNodeUnschedulable("n1", true);
        Assert.Equal(UpgradeState.Scheduled, cluster.Upgrade("n1").State);
        Assert.Equal(t0 + StartDelay, cluster.Upgrade("n1").StartsAt);
        cluster.AdvanceTo(t0 + StartDelay - TimeSpan.FromMilliseconds(1));
        Assert.True(cluster.GetNode("n1")!.Ready);
        cluster.AdvanceTo(t0 + StartDelay);
        var down = cluster.GetNode("n1")!;
        Assert.False(down.Ready);
        Assert.Equal(From, down.KubeletVersion);
        Assert.Contains("rebooting to upgrade the kubelet from v1.32.0 to v1.33.2", down.NotReadyMessage, StringComparison.Ordinal);
        Assert.Equal("Rebooting", down.Annotations[UpgradeAnnotations.State]);
        cluster.AdvanceTo(t0 + StartDelay + Reboot);

        var node = cluster.GetNode("n1")!;
        Assert.True(node.Ready);
        Assert.Null(node.NotReadyMessage);
        Assert.Equal(To, node.KubeletVersion);
        Assert.Equal("Done", node.Annotations[UpgradeAnnotations.State]);
        Assert.Equal(To, node.Annotations[UpgradeAnnotations.TargetVersion]);
        var truth = Assert.Single(cluster.GetGroundTruth().Upgrades);
        Assert.Equal(
            ("n1", From, To, UpgradeState.Done, (DateTimeOffset?)(t0 + StartDelay), (DateTimeOffset?)(t0 + StartDelay + Reboot)),
            (truth.Node, truth.FromVersion, truth.TargetVersion, truth.State, truth.RebootStartedAt, truth.ReadyAt));
        Assert.Equal(truth.ReadyAt, truth.FinishedAt);
        Assert.Empty(truth.Refusals);
        Assert.Empty(cluster.GetGroundTruth().GuestsOnRebootingNodes);
        Assert.Equal(
            [UpgradeState.Scheduled, UpgradeState.Rebooting, UpgradeState.Done],
            log.Of<NodeUpgradeChanged>().Select(c => c.Upgrade.State));
        var readiness = log.Of<NodeChanged>().Where(c => c.Node.Name == "n1").Select(c => c.Node.Ready).ToList();
        Assert.Equal([true, false, true], readiness.Where((ready, i) => i == 0 || ready != readiness[i - 1]));
    }

    [Fact]
    public void Cordon_OccupiedMarkedNode_NotRebootedUntilItsGuestLeaves()
    {
        var cluster = Create();

        cluster.SetNodeUnschedulable("n1", true);
        cluster.AdvanceBy(TimeSpan.FromHours(2));

        Assert.Equal(UpgradeState.Waiting, cluster.Upgrade("n1").State);
        Assert.True(cluster.GetNode("n1")!.Ready);
        Assert.Equal(From, cluster.GetNode("n1")!.KubeletVersion);
        Assert.Equal("n1", cluster.GetVmi(TestClusters.Ns, "vm")!.NodeName);

        cluster.Migrate("vm");
        cluster.RunToEnd();

        Assert.Equal(MigrationOutcome.Succeeded, cluster.Truth("mig-vm").Outcome);
        Assert.Equal(UpgradeState.Done, cluster.Upgrade("n1").State);
        Assert.Equal(To, cluster.GetNode("n1")!.KubeletVersion);
        var truth = cluster.GetGroundTruth();
        Assert.Empty(truth.VmiLosses);
        Assert.Empty(truth.GuestsOnRebootingNodes);
        Assert.True(cluster.Upgrade("n1").RebootStartedAt >= cluster.Truth("mig-vm").PhaseTransitions[^1].At + StartDelay);
    }

    [Fact]
    public void RunToEnd_MarkedNodeNeverCordoned_NotUpgraded()
    {
        var cluster = Create(vmOnN1: false);

        cluster.AdvanceBy(TimeSpan.FromDays(1));

        var upgrade = cluster.Upgrade("n1");
        Assert.Equal(UpgradeState.Waiting, upgrade.State);
        Assert.Null(upgrade.RebootStartedAt);
        Assert.Equal(From, cluster.GetNode("n1")!.KubeletVersion);
        Assert.Equal("Waiting", cluster.GetNode("n1")!.Annotations[UpgradeAnnotations.State]);
        Assert.Null(cluster.NextEventTime);
    }

    [Fact]
    public void Uncordon_DuringTheStartDelay_StartCalledOffUntilCordonedAgain()
    {
        var cluster = Create(vmOnN1: false);
        cluster.SetNodeUnschedulable("n1", true);
        cluster.AdvanceBy(TimeSpan.FromSeconds(5));

        cluster.SetNodeUnschedulable("n1", false);
        cluster.AdvanceBy(TimeSpan.FromMinutes(10));
        var refused = cluster.Upgrade("n1");
        cluster.SetNodeUnschedulable("n1", true);
        cluster.RunToEnd();

        Assert.Equal(UpgradeState.Waiting, refused.State);
        var refusal = Assert.Single(refused.Refusals);
        Assert.Equal(UpgradeRefusalReason.NotCordoned, refusal.Reason);
        Assert.Equal(UpgradeState.Done, cluster.Upgrade("n1").State);
        Assert.True(cluster.GetNode("n1")!.Ready);
    }

    [Fact]
    public void MarkedTrigger_OccupiedNode_RefusesEveryRetryAndNeverReboots()
    {
        var cluster = Create(s => s with { Trigger = UpgradeTrigger.Marked, RetryInterval = TimeSpan.FromSeconds(30) });

        cluster.AdvanceBy(StartDelay + TimeSpan.FromSeconds(65));

        var upgrade = cluster.Upgrade("n1");
        Assert.Equal(UpgradeState.Scheduled, upgrade.State);
        Assert.Equal(3, upgrade.Refusals.Count);
        Assert.All(upgrade.Refusals, r => Assert.Equal((UpgradeRefusalReason.Occupied, "default/vm"), (r.Reason, Assert.Single(r.Guests))));
        Assert.Equal([10d, 40d, 70d], upgrade.Refusals.Select(r => (r.At - cluster.StartedAt).TotalSeconds));
        Assert.True(cluster.GetNode("n1")!.Ready);
        Assert.Equal(VmiPhase.Running, cluster.GetVmi(TestClusters.Ns, "vm")!.Phase);
        Assert.Empty(cluster.GetGroundTruth().VmiLosses);
    }

    [Fact]
    public void MarkedTrigger_GuestMigratesAway_NextRetryReboots()
    {
        var cluster = Create(s => s with { Trigger = UpgradeTrigger.Marked });
        cluster.AdvanceBy(StartDelay);
        Assert.Single(cluster.Upgrade("n1").Refusals);

        cluster.Migrate("vm");
        cluster.RunToEnd();

        Assert.Equal(UpgradeState.Done, cluster.Upgrade("n1").State);
        Assert.Empty(cluster.GetGroundTruth().GuestsOnRebootingNodes);
        Assert.NotEqual("n1", cluster.GetVmi(TestClusters.Ns, "vm")!.NodeName);
    }

    [Fact]
    public void CarelessUpgrader_RebootsWithTheGuestOnIt_GuestLostAndRecorded()
    {
        var cluster = Create(s => s with { Trigger = UpgradeTrigger.Marked, OnOccupied = OccupiedNodePolicy.Reboot });
        var uid = cluster.GetVmi(TestClusters.Ns, "vm")!.Uid;

        cluster.RunToEnd();

        var truth = cluster.GetGroundTruth();
        var upgrade = Assert.Single(truth.Upgrades);
        Assert.Equal(UpgradeState.Done, upgrade.State);
        Assert.Equal(["default/vm"], upgrade.GuestsLost);
        var loss = Assert.Single(truth.VmiLosses);
        Assert.Equal(uid, loss.Uid);
        Assert.Equal("VMI lost: node n1 rebooted for its upgrade to v1.33.2", loss.Reason);
        var witnessed = Assert.Single(truth.GuestsOnRebootingNodes);
        Assert.Equal(("n1", upgrade.Id, "vm", upgrade.RebootStartedAt), (witnessed.Node, witnessed.UpgradeId, witnessed.Vmi, (DateTimeOffset?)witnessed.At));
        var restarted = cluster.GetVmi(TestClusters.Ns, "vm")!;
        Assert.Equal(VmiPhase.Running, restarted.Phase);
        Assert.NotEqual(uid, restarted.Uid);
    }

    [Fact]
    public void Migrate_PinnedToARebootingNode_TargetWaitsUntilTheNodeIsReadyAgain()
    {
        var cluster = Create(s => s with { Trigger = UpgradeTrigger.Marked }, vmOnN1: false);
        cluster.AdvanceBy(StartDelay);
        Assert.False(cluster.GetNode("n1")!.Ready);

        cluster.Migrate("vm", addedNodeSelector: new Dictionary<string, string> { ["kubernetes.io/hostname"] = "n1" });
        cluster.AdvanceBy(Reboot - TimeSpan.FromSeconds(1));
        Assert.Null(cluster.GetMigration(TestClusters.Ns, "mig-vm")!.TargetNode);
        cluster.RunToEnd();

        var truth = cluster.Truth("mig-vm");
        Assert.Equal((MigrationOutcome.Succeeded, "n1"), (truth.Outcome, truth.TargetNode));
        Assert.Equal(To, cluster.GetNode("n1")!.KubeletVersion);
        Assert.Empty(cluster.GetGroundTruth().GuestsOnRebootingNodes);
    }

    [Fact]
    public void Migrate_WhileANodeReboots_KubeSchedulerPicksAnotherNode()
    {
        var cluster = Create(s => s with { Trigger = UpgradeTrigger.Marked }, vmOnN1: false);
        cluster.AdvanceBy(StartDelay);

        cluster.Migrate("vm");
        cluster.RunToEnd();

        Assert.Equal("n3", cluster.Truth("mig-vm").TargetNode);
    }

    [Fact]
    public void FailingUpgrade_WithoutReturnAfter_NodeStaysNotReady()
    {
        var cluster = Create(s => s with { Failures = [new UpgradeFailure("n1", null)] }, vmOnN1: false);
        cluster.SetNodeUnschedulable("n1", true);

        cluster.AdvanceBy(TimeSpan.FromDays(1));

        var upgrade = cluster.Upgrade("n1");
        Assert.Equal((UpgradeState.Rebooting, true), (upgrade.State, upgrade.Fails));
        Assert.Null(upgrade.ReadyAt);
        Assert.False(cluster.GetNode("n1")!.Ready);
        Assert.Equal(From, cluster.GetNode("n1")!.KubeletVersion);
    }

    [Fact]
    public void FailingUpgrade_WithReturnAfter_NodeComesBackOnItsOldVersion()
    {
        var cluster = SimulatedCluster.Create(TestClusters.Scenario([TestClusters.Node("n1"), TestClusters.Node("n2")], []));
        var accepted = cluster.RequestUpgrade(new UpgradeRequest("n1", To)
        {
            Trigger = UpgradeTrigger.Marked,
            Fail = true,
            ReturnAfter = TimeSpan.FromMinutes(30),
        });
        Assert.Equal(UpgradeRequestStatus.Accepted, accepted.Status);

        cluster.RunToEnd();

        var upgrade = cluster.Upgrade("n1");
        Assert.Equal(UpgradeState.Failed, upgrade.State);
        Assert.Equal(TimeSpan.FromMinutes(30), upgrade.ReadyAt - upgrade.RebootStartedAt);
        Assert.Contains("came back on v1.32.0", upgrade.Message, StringComparison.Ordinal);
        Assert.True(cluster.GetNode("n1")!.Ready);
        Assert.Equal(From, cluster.GetNode("n1")!.KubeletVersion);
        Assert.Equal("Failed", cluster.GetNode("n1")!.Annotations[UpgradeAnnotations.State]);
    }

    [Fact]
    public void ScenarioFailure_NodeMarkedAgainAfterItCameBack_UpgradesTheSecondTime()
    {
        var cluster = Create(s => s with { Failures = [new UpgradeFailure("n1", TimeSpan.FromMinutes(5))] }, vmOnN1: false);
        cluster.SetNodeUnschedulable("n1", true);
        cluster.RunToEnd();
        Assert.Equal(UpgradeState.Failed, cluster.Upgrade("n1").State);

        var retry = cluster.RequestUpgrade(new UpgradeRequest("n1", To));
        cluster.RunToEnd();

        Assert.Equal(2, retry.Upgrade!.Id);
        Assert.False(retry.Upgrade.Fails);
        Assert.Equal([UpgradeState.Failed, UpgradeState.Done], cluster.GetUpgrades().Select(u => u.State));
        Assert.Equal(To, cluster.GetNode("n1")!.KubeletVersion);
    }

    [Fact]
    public void ScenarioFailure_PendingUpgradeRetargeted_StillFails()
    {
        var cluster = Create(s => s with { Failures = [new UpgradeFailure("n1", null)] }, vmOnN1: false);

        cluster.RequestUpgrade(new UpgradeRequest("n1", "v1.34.0", UpgradeOrigin.Annotation));
        cluster.SetNodeUnschedulable("n1", true);
        cluster.AdvanceBy(TimeSpan.FromHours(1));

        var upgrade = Assert.Single(cluster.GetUpgrades());
        Assert.Equal(("v1.34.0", UpgradeState.Rebooting, true), (upgrade.TargetVersion, upgrade.State, upgrade.Fails));
    }
}
