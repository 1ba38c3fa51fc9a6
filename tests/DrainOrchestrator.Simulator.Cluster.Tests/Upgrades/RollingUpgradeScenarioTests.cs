namespace DrainOrchestrator.Simulator.Cluster.Tests.Upgrades;

/// <summary>
/// The built-in rolling-upgrade scenario driven as a rolling-upgrade workflow would drive it, in virtual time: zone by
/// zone, cordon the batch, move each VM onto the batch upgraded just before (zone-a starts empty), wait for the upgrader
/// to bring the batch back on the new version, uncordon.
/// </summary>
public sealed class RollingUpgradeScenarioTests
{
    private const string ZoneLabel = "topology.kubernetes.io/zone";
    private const string Target = "v1.33.2";

    [Fact]
    public void Load_TwelveWorkersInFourZones_AllMarkedAndWaiting()
    {
        var cluster = SimulatedCluster.Create(ScenarioCatalog.Load("rolling-upgrade"));

        var nodes = cluster.GetNodes();
        Assert.Equal(12, nodes.Count);
        Assert.Equal([3, 3, 3, 3], nodes.GroupBy(n => n.Labels[ZoneLabel]).Select(g => g.Count()));
        Assert.All(nodes, n => Assert.Equal("v1.32.1", n.KubeletVersion));
        Assert.Equal((5, 2), (cluster.MigrationConfig.ParallelMigrationsPerCluster, cluster.MigrationConfig.ParallelOutboundMigrationsPerNode));
        Assert.Equal(12, cluster.GetUpgrades().Count(u => u.State == UpgradeState.Waiting && u.TargetVersion == Target));
        Assert.DoesNotContain(cluster.GetVmis(), v => v.NodeName!.StartsWith("worker-a", StringComparison.Ordinal));
        Assert.All(cluster.GetVmis(), v => Assert.True(v.LiveMigratable));
    }

    [Fact]
    public void RollingUpgrade_ZoneByZone_EveryNodeOnTheNewVersionAndEachVmMovedOnce()
    {
        var cluster = SimulatedCluster.Create(ScenarioCatalog.Load("rolling-upgrade"));
        var zones = cluster.GetNodes().GroupBy(n => n.Labels[ZoneLabel]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(n => n.Name).ToList()).ToList();
        var vmCount = cluster.GetVmis().Count;

        List<string>? upgradedBefore = null;
        foreach (var batch in zones)
        {
            batch.ForEach(n => cluster.SetNodeUnschedulable(n, true));
            foreach (var vmi in cluster.GetVmis().Where(v => batch.Contains(v.NodeName!)))
            {
                var target = upgradedBefore![batch.IndexOf(vmi.NodeName!)];
                var created = cluster.CreateMigration(new VmimCreateRequest(vmi.Namespace, $"upgrade-{vmi.Name}", $"uid-{vmi.Name}", vmi.Name,
                    new Dictionary<string, string> { ["kubernetes.io/hostname"] = target }));
                Assert.True(created.Accepted, created.Message);
            }

            cluster.AdvanceUntil(() => batch.All(n => cluster.GetNode(n) is { Ready: true, KubeletVersion: Target }),
                TimeSpan.FromHours(1), $"the upgrade of {string.Join(", ", batch)}");
            batch.ForEach(n => cluster.SetNodeUnschedulable(n, false));
            upgradedBefore = batch;
        }

        var truth = cluster.GetGroundTruth();
        Assert.All(cluster.GetNodes(), n => Assert.Equal((true, Target), (n.Ready, n.KubeletVersion)));
        Assert.Equal(12, truth.Upgrades.Count(u => u.State == UpgradeState.Done && u.Refusals.Count == 0));
        Assert.Empty(truth.GuestsOnRebootingNodes);
        Assert.Empty(truth.VmiLosses);
        Assert.Empty(truth.LimitViolations);
        Assert.Equal(vmCount, truth.Migrations.Count);
        Assert.All(truth.Migrations, m => Assert.Equal(MigrationOutcome.Succeeded, m.Outcome));
        Assert.Equal(vmCount, truth.Migrations.Select(m => (m.Namespace, m.VmiName)).Distinct().Count());
        Assert.All(truth.Upgrades, u => Assert.InRange(u.ReadyAt!.Value - u.RebootStartedAt!.Value, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(70)));
    }
}
