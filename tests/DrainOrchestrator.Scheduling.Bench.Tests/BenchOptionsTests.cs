namespace DrainOrchestrator.Scheduling.Bench.Tests;

public sealed class BenchOptionsTests
{
    [Fact]
    public void Parse_OnlyAndBlind_AreRead()
    {
        var options = BenchOptions.Parse(["--only", "a, c", "--blind", "--quick"], out var exitCode);

        Assert.Equal(0, exitCode);
        Assert.Equal((true, true, false), (options!.Quick, options.Blind, options.WithBlind));
        Assert.Equal(["a", "c"], options.Only.Order(StringComparer.Ordinal));
        Assert.EndsWith(Path.Combine("bench", "scenarios", "suite.yaml"), options.SuitePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BlindAndWithBlind_ExcludeEachOther()
    {
        Assert.Null(BenchOptions.Parse(["--blind", "--with-blind"], out var exitCode));
        Assert.Equal(2, exitCode);
    }
}
