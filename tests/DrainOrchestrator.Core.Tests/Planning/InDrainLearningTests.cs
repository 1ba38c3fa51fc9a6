using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>
/// Learning within a drain: the dirty rate a pre-copy's time implies, the NIC floors and dirty rates a drain's
/// transfers show (<see cref="DrainEvidence"/>), siblings, and planning the remaining migrations again.
/// </summary>
public sealed class InDrainLearningTests
{
    private const long MiB = 1024 * 1024;
    private const long Nic = 1_250_000_000;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Downtime = TimeSpan.FromMilliseconds(900);

    private static ObservedTransfer Transfer(string uid, string source, string target, double start, double? end, TransferEnding ending,
        long memory = 16 * Make.GiB, long cap = 0) =>
        new(uid, source, target, T0.AddSeconds(start), end is { } e ? T0.AddSeconds(e) : null, memory, cap, Downtime, ending, PostCopy: false);

    [Theory]
    [InlineData(100)]
    [InlineData(400)]
    [InlineData(800)]
    public void FromPreCopy_TimeOfTheModelsRounds_GivesBackTheRate(long dirtyMiB)
    {
        var settings = MigrationSettings.KubeVirtDefaults with { CompletionTimeoutPerGiB = TimeSpan.FromHours(1) };
        var options = new CostModelOptions();
        var estimate = MigrationCostModel.Estimate(16 * Make.GiB, dirtyMiB * MiB, Nic, settings, options);
        var seconds = (estimate.Duration - options.TargetStartup).TotalSeconds + 1; // the observed time holds the hand-off

        var rate = DirtyRateInference.FromPreCopy(16 * Make.GiB, seconds, Nic, Downtime);

        Assert.InRange(rate, dirtyMiB * MiB * 0.95, dirtyMiB * MiB * 1.05);
    }

    [Fact]
    public void FromPreCopy_NoSlowerThanOnePass_NothingLearned()
    {
        var onePass = 16.0 * Make.GiB / Nic;

        Assert.Equal(0, DirtyRateInference.FromPreCopy(16 * Make.GiB, onePass + 0.5, Nic, Downtime));
    }

    [Fact]
    public void Evidence_TwoTransfersTogetherOutOfANode_FloorIsTheirSumAndAnnotatedNodesGetNone()
    {
        var evidence = new DrainEvidence(Nic, node => node == "annotated" ? 3 * Nic : null);

        // Two 16 GiB guests sent out of src together in 8 s: the NIC carried 4 GiB/s, over three times the assumed one.
        evidence.Finished(Transfer("a", "src", "annotated", 0, 8, TransferEnding.Succeeded));
        evidence.Finished(Transfer("b", "src", "r2", 0, 8, TransferEnding.Succeeded));

        Assert.InRange(evidence.NicFloors["src"], 3.9 * Make.GiB, 4.1 * Make.GiB);
        Assert.False(evidence.NicFloors.ContainsKey("annotated"));
        Assert.InRange(evidence.NicOf("src"), 3.9 * Make.GiB, 4.1 * Make.GiB);
        Assert.Equal(3 * Nic, evidence.NicOf("annotated"));
        Assert.Equal(Nic, evidence.NicOf("never-seen"));
    }

    [Fact]
    public void Evidence_SlowTransferAlone_NoFloorAboveTheAssumedNic()
    {
        var evidence = new DrainEvidence(Nic, _ => null);

        evidence.Finished(Transfer("a", "src", "r1", 0, 60, TransferEnding.Succeeded));

        Assert.Empty(evidence.NicFloors);
    }

    [Fact]
    public void Evidence_PreCopyThatStalledWhileSharingItsSource_DirtiesAtLeastItsShare()
    {
        var evidence = new DrainEvidence(Nic, _ => null);
        evidence.Running([Transfer("b", "src", "r2", 0, null, TransferEnding.Running)]);

        evidence.Finished(Transfer("a", "src", "r1", 0, 150, TransferEnding.DidNotConverge));

        // Half the NIC (the other transfer ran all along), with the failure's margin.
        Assert.InRange(evidence.DirtyRates["a"], Nic / 2, Nic / 2 * 1.2);
        Assert.True(evidence.Changes > 0);
    }

    [Fact]
    public void Evidence_CappedPreCopyThatStalled_DirtiesAtLeastTheCap()
    {
        var evidence = new DrainEvidence(Nic, _ => null);

        evidence.Finished(Transfer("a", "src", "r1", 0, 124, TransferEnding.DidNotConverge, cap: 256 * MiB));

        Assert.InRange(evidence.DirtyRates["a"], 256 * MiB, 256 * MiB * 1.2);
    }

    [Fact]
    public void Evidence_SucceededAsFastAsOnePass_LearnsNoDirtyRate()
    {
        var evidence = new DrainEvidence(Nic, _ => null);

        evidence.Finished(Transfer("a", "src", "r1", 0, 4 * Make.GiB / (double)Nic + 0.5, TransferEnding.Succeeded, memory: 4 * Make.GiB));

        Assert.Empty(evidence.DirtyRates);
    }

    [Fact]
    public void SiblingKey_SameKindButInstanceLabels_SameKey_OtherMemoryOrLabels_Other()
    {
        var a = Make.Vmi("db-1", "n1", 16, Make.Labels("app=postgres", "vm.kubevirt.io/name=db-1", "instance=db-1"));
        var b = Make.Vmi("db-2", "n1", 16, Make.Labels("app=postgres", "vm.kubevirt.io/name=db-2", "instance=db-2"));
        var bigger = Make.Vmi("db-3", "n1", 32, Make.Labels("app=postgres"));
        var web = Make.Vmi("web-1", "n1", 16, Make.Labels("app=web"));

        Assert.Equal(SiblingKey.Of(a), SiblingKey.Of(b));
        Assert.NotEqual(SiblingKey.Of(a), SiblingKey.Of(bigger));
        Assert.NotEqual(SiblingKey.Of(a), SiblingKey.Of(web));
    }

    [Fact]
    public void Revise_LearnedRateAboveTheSharedNic_NeedsTheNicAlone_LearnedNicSaysObserved()
    {
        var vmi = Make.Vmi("db", "n1", 16);
        var cluster = Make.Cluster([Make.Node("n1", 256), Make.Node("n2", 256)], [vmi]);
        var policy = new DrainPolicy();
        var plan = DrainPlanner.Plan(cluster, ["n1"], policy);
        Assert.False(plan.Items.Single().NeedsDedicatedBandwidth);

        // 800 MiB/s: more than half of a 10 Gbit/s NIC, less than all of it.
        var history = MigrationHistory.Empty.WithDirtyRates(new Dictionary<string, long> { [vmi.Uid] = 800 * MiB });
        var learned = cluster with { Nodes = [Make.Node("n1", 256, nic: Nic), Make.Node("n2", 256)] };
        var revised = PlanRevision.Revise(plan, learned, policy, history, new HashSet<string> { "n1" });

        var item = revised.Items.Single();
        Assert.True(item.NeedsDedicatedBandwidth);
        Assert.Equal(InputSource.Observed, item.DirtyRateSource);
        Assert.Equal(800 * MiB, item.DirtyRateBytesPerSecond);
        Assert.Equal(InputSource.Observed, item.BandwidthSource);
        Assert.Equal(plan.Items.Single().Wave, item.Wave);
    }

    [Fact]
    public void Revise_AnnotatedRate_KeepsTheAnnotation()
    {
        var vmi = Make.Vmi("db", "n1", 16, dirtyRate: 20 * MiB);
        var cluster = Make.Cluster([Make.Node("n1", 256), Make.Node("n2", 256)], [vmi]);
        var policy = new DrainPolicy();
        var plan = DrainPlanner.Plan(cluster, ["n1"], policy);

        var history = MigrationHistory.Empty.WithDirtyRates(new Dictionary<string, long> { [vmi.Uid] = 800 * MiB });
        var item = PlanRevision.Revise(plan, cluster, policy, history, new HashSet<string>()).Items.Single();

        Assert.Equal(InputSource.Annotation, item.DirtyRateSource);
        Assert.Equal(plan.Items.Single().Estimate, item.Estimate);
    }
}
