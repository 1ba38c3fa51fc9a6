using DrainOrchestrator.Scheduling.Bench.Suite;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Suite;

public sealed class NodePatternTests
{
    [Fact]
    public void Expand_ZeroPaddedRange_KeepsTheWidth() =>
        Assert.Equal(["node-0008", "node-0009", "node-0010"], NodePattern.Expand("node-{0008..0010}"));

    [Fact]
    public void Expand_PlainRange() => Assert.Equal(["gen1-1", "gen1-2", "gen1-3"], NodePattern.Expand("gen1-{1..3}"));

    [Fact]
    public void Expand_NoRange_TheNameItself() => Assert.Equal(["worker-1"], NodePattern.Expand("worker-1"));
}
