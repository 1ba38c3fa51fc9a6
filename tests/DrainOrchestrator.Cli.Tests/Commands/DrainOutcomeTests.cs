using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Engine;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>How <c>drainctl drain</c> ends: one exit code per kind of end, and a last line that says what comes next.</summary>
public sealed class DrainOutcomeTests
{
    private static DrainResult Result(DrainRunState state, string reason = "why") => new(Guid.NewGuid(), state, reason);

    [Theory]
    [InlineData(DrainRunState.Succeeded, ExitCodes.Success)]
    [InlineData(DrainRunState.Failed, ExitCodes.Failed)]
    [InlineData(DrainRunState.Cancelled, ExitCodes.Failed)]
    [InlineData(DrainRunState.Interrupted, ExitCodes.Unfinished)]
    [InlineData(DrainRunState.Lost, ExitCodes.Unfinished)]
    [InlineData(DrainRunState.Running, ExitCodes.Unfinished)]
    [InlineData(DrainRunState.Pending, ExitCodes.Unfinished)]
    [InlineData(DrainRunState.Paused, ExitCodes.Unfinished)]
    [InlineData(DrainRunState.Cancelling, ExitCodes.Unfinished)]
    public void ExitCode_PerState(DrainRunState state, int expected)
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
        var lines = DrainOutcome.Lines("drain-a", Result(DrainRunState.Interrupted, "the database was unreachable for 600s"));

        Assert.Equal("Drain drain-a: interrupted: the database was unreachable for 600s", lines[0]);
        Assert.Contains("Report: drainctl report drain-a", lines);
        Assert.Equal("Drain drain-a is unfinished and resumable (exit 3): run the same command again to resume it.", lines[^1]);
    }

    [Fact]
    public void Lines_LeaseLost_LastLineSaysUnfinishedAndToRunAgain()
    {
        var lines = DrainOutcome.Lines("drain-a", Result(DrainRunState.Lost, "another process continues it"));

        Assert.StartsWith("Drain drain-a is unfinished (exit 3)", lines[^1], StringComparison.Ordinal);
        Assert.Contains("the same command run again attaches to it", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_SuspendedAtItsWindowsEnd_SaysToGiveTheNextWindowsEndOrNoneNotTheSameCommand()
    {
        var lines = DrainOutcome.Lines("drain-a", Result(DrainRunState.Suspended, "the maintenance window closed"));

        Assert.Equal("Drain drain-a is suspended until its next window (exit 3): run the same command with that window's --window-end to go on "
            + "in it, or without --window-end to finish it now.", lines[^1]);
    }

    [Theory]
    [InlineData(DrainRunState.Succeeded, "succeeded")]
    [InlineData(DrainRunState.Failed, "failed")]
    [InlineData(DrainRunState.Cancelled, "cancelled")]
    public void Lines_Ended_StateAndReportOnlyNoRunAgain(DrainRunState state, string word)
    {
        var lines = DrainOutcome.Lines("drain-a", Result(state, "because"));

        Assert.Equal([$"Drain drain-a: {word}: because", "Report: drainctl report drain-a"], lines);
    }

    [Fact]
    public void Lines_LeaseLost_StateInWords()
    {
        Assert.Equal("Drain drain-a: lost: another process continues it", DrainOutcome.Lines("drain-a", Result(DrainRunState.Lost, "another process continues it"))[0]);
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
