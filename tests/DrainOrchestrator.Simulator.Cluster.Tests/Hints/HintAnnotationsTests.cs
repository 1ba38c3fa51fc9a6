namespace DrainOrchestrator.Simulator.Cluster.Tests.Hints;

public sealed class HintAnnotationsTests
{
    private static SimulatedCluster Cluster(bool hints)
    {
        var scenario = TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2", nic: 3 * TestClusters.GiB)],
            [TestClusters.Vm("quiet", "n1"), TestClusters.Vm("busy", "n1", dirtyMiB: 800)]);
        return SimulatedCluster.Create(scenario with { Hints = hints });
    }

    [Fact]
    public void Create_WithHints_NodesCarryTheirNicBandwidth()
    {
        var nodes = Cluster(hints: true).GetNodes().ToDictionary(n => n.Name);

        Assert.Equal("1250000000", nodes["n1"].Annotations[HintAnnotations.MigrationBandwidth]);
        Assert.Equal("3Gi", nodes["n2"].Annotations[HintAnnotations.MigrationBandwidth]);
    }

    [Fact]
    public void Create_WithHints_VmisCarryTheirGuestsDirtyRate()
    {
        var cluster = Cluster(hints: true);

        Assert.Equal("10Mi", cluster.GetVmi(TestClusters.Ns, "quiet")!.Annotations[HintAnnotations.DirtyRate]);
        Assert.Equal("800Mi", cluster.GetVmi(TestClusters.Ns, "busy")!.Annotations[HintAnnotations.DirtyRate]);
    }

    [Fact]
    public void Create_WithHints_VmisCarryTheirGuestsWorkingSet()
    {
        // A scenario without a working set gives the guest a quarter of its memory: 1Gi of 4Gi.
        var vmi = Cluster(hints: true).GetVmi(TestClusters.Ns, "busy")!;

        Assert.Equal("1Gi", vmi.Annotations[HintAnnotations.WorkingSet]);
    }

    [Fact]
    public void Create_WithoutHints_NoAnnotations()
    {
        var cluster = Cluster(hints: false);

        Assert.All(cluster.GetNodes(), n => Assert.Empty(n.Annotations));
        Assert.All(cluster.GetVmis(), v => Assert.Empty(v.Annotations));
    }

    [Fact]
    public void InjectFault_DirtyRateChangesWithHints_VmiChangePublishedWithTheNewRate()
    {
        var cluster = Cluster(hints: true);
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);

        cluster.InjectFault(new DirtyRateChangeFault(TestClusters.Ns, "busy", 1200 * TestClusters.MiB));

        var change = Assert.Single(log.Of<VmiChanged>());
        Assert.Equal("1200Mi", change.Vmi.Annotations[HintAnnotations.DirtyRate]);
        Assert.Equal("1200Mi", cluster.GetVmi(TestClusters.Ns, "busy")!.Annotations[HintAnnotations.DirtyRate]);
    }

    [Fact]
    public void InjectFault_DirtyRateChangesWithoutHints_NoVmiChange()
    {
        var cluster = Cluster(hints: false);
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);

        cluster.InjectFault(new DirtyRateChangeFault(TestClusters.Ns, "busy", 1200 * TestClusters.MiB));

        Assert.Empty(log.Of<VmiChanged>());
        Assert.Single(log.Of<VirtualMachineChanged>());
    }

    [Theory]
    [InlineData(800L * 1024 * 1024, "800Mi")]
    [InlineData(1536L * 1024 * 1024, "1536Mi")]
    [InlineData(3L << 30, "3Gi")]
    [InlineData(1024L, "1Ki")]
    [InlineData(1_250_000_000L, "1250000000")]
    [InlineData(1000L, "1000")]
    [InlineData(0L, "0")]
    public void Format_BytesPerSecond_LargestExactBinarySuffixElsePlain(long value, string expected) =>
        Assert.Equal(expected, HintAnnotations.Format(value));

    [Fact]
    public void Format_FractionalDirtyRate_RoundedUpSoNeverZero()
    {
        var scenario = TestClusters.Scenario([TestClusters.Node("n1")], [TestClusters.Vm("slow", "n1") with { DirtyRateBytesPerSecond = 0.4 }]);

        var cluster = SimulatedCluster.Create(scenario with { Hints = true });

        Assert.Equal("1", cluster.GetVmi(TestClusters.Ns, "slow")!.Annotations[HintAnnotations.DirtyRate]);
    }
}
