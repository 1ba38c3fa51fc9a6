namespace DrainOrchestrator.Simulator.Cluster.Tests.Upgrades;

/// <summary>Small clusters with an upgrader, and shortcuts to look at their upgrades.</summary>
internal static class UpgradeClusters
{
    public const string From = "v1.32.0";
    public const string To = "v1.33.2";

    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Reboot = TimeSpan.FromSeconds(60);

    /// <summary>n1 (holding "vm" unless <paramref name="vmOnN1"/> is false), n2 and n3; n1 marked for <see cref="To"/>.</summary>
    public static SimulatedCluster Create(
        Func<UpgradeSettings, UpgradeSettings>? adjust = null, bool vmOnN1 = true, int? seed = null)
    {
        var settings = new UpgradeSettings
        {
            TargetVersion = To,
            Nodes = ["n1"],
            StartDelay = StartDelay,
            RebootDuration = Reboot,
        };
        var scenario = TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2"), TestClusters.Node("n3")],
            vmOnN1 ? [TestClusters.Vm("vm", "n1")] : [TestClusters.Vm("vm", "n2")]) with
        {
            Upgrade = adjust?.Invoke(settings) ?? settings,
        };
        return SimulatedCluster.Create(scenario, new SimulationOptions { Seed = seed });
    }

    public static NodeUpgradeSnapshot Upgrade(this SimulatedCluster cluster, string node) =>
        cluster.GetUpgrades().Last(u => u.Node == node);

    /// <summary>Advances virtual time in steps of a second until <paramref name="done"/> holds; fails after <paramref name="limit"/>.</summary>
    public static void AdvanceUntil(this SimulatedCluster cluster, Func<bool> done, TimeSpan limit, string what)
    {
        var end = cluster.Now + limit;
        while (!done())
        {
            Assert.True(cluster.Now < end, $"{what} did not happen within {limit} of virtual time");
            cluster.AdvanceBy(TimeSpan.FromSeconds(1));
        }
    }
}
