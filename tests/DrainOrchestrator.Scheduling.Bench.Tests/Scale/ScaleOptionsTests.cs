using DrainOrchestrator.Scale.Bench;
using DrainOrchestrator.Scale.Bench.Clusters;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Scale;

public sealed class ScaleOptionsTests
{
    [Fact]
    public void Parse_NoArguments_TheFullRunsDefaults()
    {
        var options = ScaleOptions.Parse([], out var exitCode);

        Assert.Equal(0, exitCode);
        Assert.Equal((400, 100_000, true, true, false), (options!.Decisions, options.ReportAttempts, options.Report, options.Engine, options.EngineOnly));
        Assert.Equal(ScaleCase.Standard, options.Cases);
        Assert.Equal(TimeSpan.FromMinutes(10), options.EngineBench.Timeout);
        Assert.Null(options.TracePath);
    }

    [Fact]
    public void Parse_QuickWithExplicitFlags_TheFlagsWinWhateverTheirOrder()
    {
        var options = ScaleOptions.Parse(["--decisions", "50", "--engine-size", "20x400", "--quick", "--no-report", "--engine-label", "mine"], out _);

        Assert.True(options!.Quick);
        Assert.Equal(ScaleCase.Quick, options.Cases);
        Assert.Equal((50, 10_000, false), (options.Decisions, options.ReportAttempts, options.Report));
        Assert.Equal((new ScaleCase(20, 400), 100, "mine"), (options.EngineBench.Size, options.EngineBench.Migrations, options.EngineBench.Label));
    }

    [Theory]
    [InlineData("--sizes 5x5")]
    [InlineData("--decisions 0")]
    [InlineData("--engine-size 100x10,200x10")]
    [InlineData("--engine-minutes")]
    [InlineData("--colour red")]
    public void Parse_BadInput_NoOptionsAndExit2(string line)
    {
        Assert.Null(ScaleOptions.Parse(line.Split(' '), out var exitCode));
        Assert.Equal(2, exitCode);
    }
}
