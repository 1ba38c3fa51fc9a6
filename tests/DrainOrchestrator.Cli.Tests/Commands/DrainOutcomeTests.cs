using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>How <c>drainctl drain</c> ends: one exit code per kind of end, and a last line that says what comes next.</summary>
public sealed class DrainOutcomeTests
{
    private static DrainResult Result(string state, string reason = "why") => new(Guid.NewGuid(), state, reason);

    [Theory]
    [InlineData(DrainState.Succeeded, ExitCodes.Success)]
    [InlineData(DrainState.Failed, ExitCodes.Failed)]
    [InlineData(DrainState.Cancelled, ExitCodes.Failed)]
    [InlineData(DrainResult.Interrupted, ExitCodes.Unfinished)]
    [InlineData("lost", ExitCodes.Unfinished)]
    [InlineData(DrainState.Running, ExitCodes.Unfinished)]
    public void ExitCode_PerState(string state, int expected)
    {
        Assert.Equal(expected, DrainOutcome.ExitCode(Result(state)));
    }

    [Fact]
    public void ExitCodes_Distinct()
    {
        int[] codes = [ExitCodes.Success, ExitCodes.Failed, ExitCodes.BadInput, ExitCodes.Unfinished, ExitCodes.Cancelled];

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Equal(3, ExitCodes.Unfinished);
    }

    [Fact]
    public void Lines_Interrupted_LastLineSaysUnfinishedResumableRunAgain()
    {
        var lines = DrainOutcome.Lines("drain-a", Result(DrainResult.Interrupted, "the database was unreachable for 600s"));

        Assert.Equal("Drain drain-a: interrupted: the database was unreachable for 600s", lines[0]);
        Assert.Contains("Report: drainctl report drain-a", lines);
        Assert.Equal("Drain drain-a is unfinished and resumable (exit 3): run the same command again to resume it.", lines[^1]);
    }

    [Fact]
    public void Lines_LeaseLost_LastLineSaysUnfinishedAndToRunAgain()
    {
        var lines = DrainOutcome.Lines("drain-a", Result("lost", "another process continues it"));

        Assert.StartsWith("Drain drain-a is unfinished (exit 3)", lines[^1], StringComparison.Ordinal);
        Assert.Contains("the same command run again attaches to it", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DrainState.Succeeded)]
    [InlineData(DrainState.Failed)]
    [InlineData(DrainState.Cancelled)]
    public void Lines_Ended_StateAndReportOnlyNoRunAgain(string state)
    {
        var lines = DrainOutcome.Lines("drain-a", Result(state, "because"));

        Assert.Equal([$"Drain drain-a: {state}: because", "Report: drainctl report drain-a"], lines);
    }

    [Fact]
    public async Task DrainHelp_DocumentsEveryExitCode()
    {
        var help = await DrainctlRun.RunAsync("drain", "--help");

        Assert.Equal(ExitCodes.Success, help.ExitCode);
        var text = string.Join(" ", help.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Exit codes: 0 the drain succeeded; 1 it failed or was cancelled; 2 bad input, nothing started;", text, StringComparison.Ordinal);
        Assert.Contains("3 unfinished and resumable", text, StringComparison.Ordinal);
        Assert.Contains("run the same command again; 130 stopped by Ctrl-C", text, StringComparison.Ordinal);
    }
}
