using System.CommandLine;
using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary><c>--db-outage-timeout-seconds</c> and <c>--verify-settle-timeout-seconds</c>: the engine's two timeouts on the command line.</summary>
public sealed class DrainTimeoutOptionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Theory]
    [InlineData("--db-outage-timeout-seconds", "0", "between 1 and 86400 seconds, was 0")]
    [InlineData("--db-outage-timeout-seconds", "-30", "between 1 and 86400 seconds, was -30")]
    [InlineData("--db-outage-timeout-seconds", "86401", "between 1 and 86400 seconds, was 86401")]
    [InlineData("--db-outage-timeout-seconds", "1e300", "between 1 and 86400 seconds")]
    [InlineData("--db-outage-timeout-seconds", "NaN", "between 1 and 86400 seconds, was NaN")]
    [InlineData("--verify-settle-timeout-seconds", "0", "between 1 and 3600 seconds, was 0")]
    [InlineData("--verify-settle-timeout-seconds", "-1", "between 1 and 3600 seconds, was -1")]
    [InlineData("--verify-settle-timeout-seconds", "3601", "between 1 and 3600 seconds, was 3601")]
    [InlineData("--view-stale-seconds", "0", "between 1 and 3600 seconds, was 0")]
    [InlineData("--view-stale-timeout-seconds", "1", "between 2 and 86400 seconds, was 1")]
    public async Task Drain_TimeoutOutOfRange_BadInputNamingTheOptionNothingStarted(string option, string value, string problem)
    {
        var run = await DrainAsync(option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{option} must be {problem}", run.Error, StringComparison.Ordinal);
        Assert.Empty(await new DrainStore(database.DataSource, TimeProvider.System).ListAsync(activeOnly: false, CancellationToken.None));
    }

    [Theory]
    [InlineData("--db-outage-timeout-seconds")]
    [InlineData("--verify-settle-timeout-seconds")]
    [InlineData("--lease-seconds")]
    public async Task Drain_SecondsNotANumber_BadInputNamingTheOption(string option)
    {
        var run = await DrainAsync(option, "soon");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_TimeoutsInRange_AcceptedAndTheKubeconfigIsWhatIsRefused()
    {
        var run = await DrainAsync("--db-outage-timeout-seconds", "1", "--verify-settle-timeout-seconds", "3600");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.DoesNotContain("timeout", run.Error, StringComparison.Ordinal);
        Assert.Contains("kubeconfig", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_TimeoutsGiven_InTheEngineOptions()
    {
        var (options, parse) = Parse("--db-outage-timeout-seconds", "90.5", "--verify-settle-timeout-seconds", "5", "--lease-seconds", "20");

        var engine = options.Engine(parse);

        Assert.Empty(parse.Errors);
        Assert.Equal((TimeSpan.FromSeconds(90.5), TimeSpan.FromSeconds(5)), (engine.DatabaseOutageTimeout, engine.VerifySettleTimeout));
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(4)), (engine.LeaseDuration, engine.HeartbeatInterval));
        engine.Validate();
    }

    [Fact]
    public void Engine_ViewStaleBoundsGiven_InTheEngineOptions()
    {
        var (options, parse) = Parse("--view-stale-seconds", "3", "--view-stale-timeout-seconds", "45");

        var engine = options.Engine(parse);

        Assert.Empty(parse.Errors);
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(45)), (engine.ViewStaleBound, engine.ViewStaleTimeout));
        engine.Validate();
    }

    [Fact]
    public void Engine_TimeoutsOmitted_TheEnginesDefaults()
    {
        var (options, parse) = Parse();

        var engine = options.Engine(parse);
        var defaults = new DrainEngineOptions();

        Assert.Equal((defaults.DatabaseOutageTimeout, defaults.VerifySettleTimeout), (engine.DatabaseOutageTimeout, engine.VerifySettleTimeout));
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30)), (engine.DatabaseOutageTimeout, engine.VerifySettleTimeout));
    }

    [Fact]
    public async Task DrainHelp_ListsBothTimeoutsWithTheirDefaults()
    {
        var help = await DrainctlRun.RunAsync("drain", "--help");

        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.Matches(@"--db-outage-timeout-seconds <[^>]+>\s+How long to wait out an unreachable database[^\n]*\[default: 600\]", help.Output);
        Assert.Matches(@"--verify-settle-timeout-seconds <[^>]+>\s+At verify:[^\n]*\[default: 30\]", help.Output);
    }

    private static (DrainOptions Options, ParseResult Parse) Parse(params string[] extra)
    {
        var options = new DrainOptions();
        var command = new Command("drain");
        options.AddTo(command, withEngine: true);
        new FrontDoorOptions().AddTo(command, withCluster: true);
        return (options, command.Parse(["--kubeconfig", "k", "--node", "w1", .. extra]));
    }

    private Task<DrainctlRun> DrainAsync(params string[] extra) =>
        DrainctlRun.RunAsync(["drain", "--kubeconfig", "/nonexistent/kubeconfig", "--node", "w1", .. extra, "--db", database.ConnectionString]);
}
