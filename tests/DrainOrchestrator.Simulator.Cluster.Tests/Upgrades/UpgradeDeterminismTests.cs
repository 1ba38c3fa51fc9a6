using static DrainOrchestrator.Simulator.Cluster.Tests.Upgrades.UpgradeClusters;

namespace DrainOrchestrator.Simulator.Cluster.Tests.Upgrades;

public sealed class UpgradeDeterminismTests
{
    private static readonly string[] Nodes = ["n1", "n2", "n3"];

    /// <summary>Marks every node, cordons them in <paramref name="order"/> a second apart, and returns each node's NotReady window.</summary>
    private static Dictionary<string, (TimeSpan Start, TimeSpan Down)> Run(int seed, IEnumerable<string> order)
    {
        var cluster = SimulatedCluster.Create(
            TestClusters.Scenario(Nodes.Select(n => TestClusters.Node(n)), []) with
            {
                Upgrade = new UpgradeSettings
                {
                    TargetVersion = To,
                    Nodes = Nodes,
                    StartDelay = StartDelay,
                    RebootDuration = Reboot,
                    Jitter = TimeSpan.FromSeconds(10),
                },
            },
            new SimulationOptions { Seed = seed });
        foreach (var node in order)
        {
            cluster.SetNodeUnschedulable(node, true);
            cluster.AdvanceBy(TimeSpan.FromSeconds(1));
        }

        cluster.RunToEnd();
        return cluster.GetUpgrades().ToDictionary(
            u => u.Node, u => (u.RebootStartedAt!.Value - u.ScheduledAt!.Value, u.ReadyAt!.Value - u.RebootStartedAt.Value));
    }

    [Fact]
    public void Jitter_SameSeed_SameTimingsWhateverTheOrder()
    {
        var first = Run(5, Nodes);
        var reversed = Run(5, Nodes.Reverse());

        Assert.Equal(first, reversed);
        Assert.All(first.Values, t =>
        {
            Assert.InRange(t.Start, StartDelay, StartDelay + TimeSpan.FromSeconds(10));
            Assert.InRange(t.Down, Reboot, Reboot + TimeSpan.FromSeconds(10));
        });
        Assert.True(first.Values.Select(t => t.Down).Distinct().Count() > 1, "the reboots should not all take the same time");
    }

    [Fact]
    public void Jitter_DifferentSeed_DifferentTimings() =>
        Assert.NotEqual(Run(5, Nodes), Run(6, Nodes));

    [Fact]
    public void GroundTruth_SameSeed_IdenticalJson()
    {
        static string Once()
        {
            var cluster = Create(s => s with { Jitter = TimeSpan.FromSeconds(7) });
            cluster.SetNodeUnschedulable("n1", true);
            cluster.Migrate("vm");
            cluster.RunToEnd();
            return cluster.GetGroundTruth().ToJson();
        }

        var json = Once();

        Assert.Equal(json, Once());
        Assert.Contains("\"state\": \"Done\"", json, StringComparison.Ordinal);
        Assert.Contains("\"guestsOnRebootingNodes\": []", json, StringComparison.Ordinal);
    }
}
