namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>
/// <c>drainctl rehearse</c>'s bad input: every problem at once, exit 2, before any simulator or database starts. The
/// rehearsal itself is tested end to end (EndToEnd.Tests/Rehearsals).
/// </summary>
public sealed class RehearseCommandTests
{
    [Fact]
    public async Task Rehearse_SeveralBadOptions_ReportsEveryProblemAtOnce()
    {
        var run = await DrainctlRun.RunAsync("rehearse", "--scenario", "/nonexistent/snapshot.yaml", "--nodes", "w1", "--speed", "0",
            "--window-minutes", "-5", "--kubevirt-timeout-minutes", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--scenario", run.Error, StringComparison.Ordinal);
        Assert.Contains("--speed", run.Error, StringComparison.Ordinal);
        Assert.Contains("--window-minutes", run.Error, StringComparison.Ordinal);
        Assert.Contains("--kubevirt-timeout-minutes", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-01-02T06:00:00Z/2027-01-02T02:00:00Z")]
    [InlineData("2027-01-02T02:00:00Z")]
    [InlineData("tonight/tomorrow")]
    public async Task Rehearse_WindowNotStartSlashEnd_BadInputShowingTheForm(string window)
    {
        var scenario = Path.GetTempFileName();
        try
        {
            var run = await DrainctlRun.RunAsync("rehearse", "--scenario", scenario, "--nodes", "w1", "--window", window);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains("--window must be START/END", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public async Task Rehearse_WindowAndWindowMinutes_BadInputAskingForOne()
    {
        var scenario = Path.GetTempFileName();
        try
        {
            var run = await DrainctlRun.RunAsync("rehearse", "--scenario", scenario, "--nodes", "w1", "--window-minutes", "60",
                "--window", "2027-01-02T02:00:00Z/2027-01-02T06:00:00Z");

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains("not both", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public async Task Rehearse_SimulatorMissing_BadInputSayingWhereItLookedAndHowToInstall()
    {
        var scenario = Path.GetTempFileName();
        try
        {
            var run = await DrainctlRun.RunAsync("rehearse", "--scenario", scenario, "--nodes", "w1", "--simulator", "/nonexistent/drain-sim.dll");

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains("/nonexistent/drain-sim.dll", run.Error, StringComparison.Ordinal);
            Assert.Contains("dotnet publish src/DrainOrchestrator.Simulator", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scenario);
        }
    }
}
