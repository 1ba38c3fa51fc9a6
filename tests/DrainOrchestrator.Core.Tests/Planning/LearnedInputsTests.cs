using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>The inputs' precedence: annotation &gt; metrics &gt; observed &gt; default, for the dirty rate and the bandwidth.</summary>
public sealed class LearnedInputsTests
{
    private const long MiB = 1024 * 1024;
    private static readonly NodeSnapshot[] Nodes = [Make.Node("n1"), Make.Node("n2"), Make.Node("n3")];

    private static PlannedVmi Planned(VmiSnapshot vmi, IReadOnlyDictionary<string, long>? metrics = null, MigrationHistory? history = null,
        IReadOnlyList<NodeSnapshot>? nodes = null, DrainPolicy? policy = null)
    {
        var cluster = Make.Cluster(nodes ?? Nodes, [vmi]) with { MetricDirtyRates = metrics ?? new Dictionary<string, long>() };
        return DrainPlanner.Plan(cluster, ["n1"], policy ?? new DrainPolicy(), history).Items.Single();
    }

    [Fact]
    public void DirtyRate_NothingKnown_DefaultAndSaysSo()
    {
        var item = Planned(Make.Vmi("a", "n1"));

        Assert.Equal(InputSource.Default, item.DirtyRateSource);
        Assert.Equal(new CostModelOptions().AssumedDirtyRateBytesPerSecond, item.DirtyRateBytesPerSecond);
        Assert.Equal(InputSource.Default, item.BandwidthSource);
    }

    [Fact]
    public void DirtyRate_MetricsOnly_MetricsWinOverHistoryAndDefault()
    {
        var vmi = Make.Vmi("a", "n1");
        var history = new MigrationHistory([new ObservedMigration(vmi.Uid, "n1", 500 * MiB, 7 * MiB)]);

        var item = Planned(vmi, new Dictionary<string, long> { [vmi.Uid] = 123 * MiB }, history);

        Assert.Equal(InputSource.Metrics, item.DirtyRateSource);
        Assert.Equal(123 * MiB, item.DirtyRateBytesPerSecond);
    }

    [Fact]
    public void DirtyRate_AnnotationAndMetrics_AnnotationWins()
    {
        var vmi = Make.Vmi("a", "n1", dirtyRate: 40 * MiB);

        var item = Planned(vmi, new Dictionary<string, long> { [vmi.Uid] = 900 * MiB });

        Assert.Equal(InputSource.Annotation, item.DirtyRateSource);
        Assert.Equal(40 * MiB, item.DirtyRateBytesPerSecond);
    }

    [Fact]
    public void DirtyRate_MetricsOfAnotherVmiOnly_HistoryUsed()
    {
        var vmi = Make.Vmi("a", "n1");
        var history = new MigrationHistory([new ObservedMigration(vmi.Uid, "n1", 500 * MiB, 7 * MiB)]);

        var item = Planned(vmi, new Dictionary<string, long> { ["some-other-uid"] = 900 * MiB }, history);

        Assert.Equal(InputSource.Observed, item.DirtyRateSource);
        Assert.Equal(7 * MiB, item.DirtyRateBytesPerSecond);
    }

    [Fact]
    public void Metrics_DirtierThanTheLink_PredictsPostCopyWhereDefaultPredictsPreCopy()
    {
        var vmi = Make.Vmi("a", "n1", memoryGiB: 16);
        var postCopy = new DrainPolicy();
        var config = ClusterMigrationConfig.KubeVirtDefaults with
        {
            Settings = ClusterMigrationConfig.KubeVirtDefaults.Settings with { AllowPostCopy = true },
        };
        var cluster = Make.Cluster(Nodes, [vmi], config);

        var blind = DrainPlanner.Plan(cluster, ["n1"], postCopy).Items.Single();
        var informed = DrainPlanner.Plan(cluster with { MetricDirtyRates = new Dictionary<string, long> { [vmi.Uid] = 4000 * MiB } }, ["n1"], postCopy)
            .Items.Single();

        Assert.Equal(MigrationMode.PreCopy, blind.Estimate.Mode);
        Assert.Equal(MigrationMode.PostCopy, informed.Estimate.Mode);
        Assert.True(informed.Estimate.Duration > blind.Estimate.Duration);
    }

    [Fact]
    public void Bandwidth_HistoryWithoutNodeAnnotation_Observed()
    {
        var vmi = Make.Vmi("a", "n1", memoryGiB: 8);
        var history = new MigrationHistory([new ObservedMigration("earlier-vmi", "n1", 100 * MiB, null)]);

        var item = Planned(vmi, history: history);

        Assert.Equal(InputSource.Observed, item.BandwidthSource);
        Assert.Equal(100 * MiB, item.Estimate.BandwidthBytesPerSecond);
    }

    [Fact]
    public void Bandwidth_AnnotatedNicAndHistory_AnnotationWins()
    {
        var vmi = Make.Vmi("a", "n1", memoryGiB: 8);
        var history = new MigrationHistory([new ObservedMigration(vmi.Uid, "n1", 100 * MiB, null)]);
        NodeSnapshot[] nodes = [Make.Node("n1", nic: 2000 * MiB), Make.Node("n2"), Make.Node("n3")];

        var item = Planned(vmi, history: history, nodes: nodes);

        Assert.Equal(InputSource.Annotation, item.BandwidthSource);
        Assert.True(item.Estimate.BandwidthBytesPerSecond > 100 * MiB);
    }

    [Fact]
    public void History_NeededPostCopyBefore_DirtyRateAtLeastItsThroughput()
    {
        var history = new MigrationHistory(
        [
            new ObservedMigration("a", "n1", 300 * MiB, null, NeededPostCopy: true),
            new ObservedMigration("b", "n1", 300 * MiB, null),
            new ObservedMigration("c", "n1", 300 * MiB, 50 * MiB, NeededPostCopy: true),
        ]);

        Assert.Equal(300 * MiB, history.DirtyRateOf("a"));
        Assert.Null(history.DirtyRateOf("b"));
        Assert.Equal(50 * MiB, history.DirtyRateOf("c"));
        Assert.Equal(3, history.VmiCount);
    }

}
