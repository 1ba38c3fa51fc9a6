namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>
/// drainctl's workflow and schedule commands with <c>--server</c>, where the answer comes before any request: the file
/// is read here (an unreadable one starts nothing), and <c>schedule tick</c> says that servers tick by themselves.
/// </summary>
public sealed class WorkflowServerOptionTests
{
    // Nothing listens here: a command that contacted the server would fail differently (exit 3, "could not be reached").
    private const string Nowhere = "http://127.0.0.1:9";

    [Fact]
    public async Task ScheduleTick_WithServer_SaysServersTickByThemselvesExit2()
    {
        var run = await DrainctlRun.RunAsync("schedule", "tick", "--server", Nowhere);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("schedule tick runs only on a database (without --server): every server replica fires due occurrences by itself",
            run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowRun_WithServerAndAMissingFile_NamesTheFileAndStartsNothingExit2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var run = await DrainctlRun.RunAsync("workflow", "run", file, "--server", Nowhere);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"error: cannot read '{file}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was started.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleCreate_WithServerAndAMissingFile_NamesTheFileExit2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var run = await DrainctlRun.RunAsync("schedule", "create", "nightly", "--workflow", file, "--server", Nowhere);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"error: cannot read '{file}'", run.Error, StringComparison.Ordinal);
    }
}
