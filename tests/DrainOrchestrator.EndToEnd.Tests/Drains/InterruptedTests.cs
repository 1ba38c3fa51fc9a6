using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// The database lost for longer than <c>--db-outage-timeout-seconds</c>: drainctl stops with exit code 3 and says the
/// drain is unfinished and resumable; the same command run again, with the database back, completes it.
/// </summary>
public sealed class InterruptedTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_DatabaseLostLongerThanTheOutageTimeout_ExitsUnfinishedAndTheSameCommandCompletesIt()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", 4);
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = TcpProxy.Start(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        string[] arguments =
        [
            "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2", "--non-migratable", "skip",
            "--retry-backoff-seconds", "1", "--lease-seconds", "2", "--db-outage-timeout-seconds", "3", "--db", proxied,
        ];

        await using var first = Drainctl.Start(arguments);
        await first.WaitForOutputAsync("moved", Drainctl.Patience);
        await proxy.CutAsync();
        var interrupted = await first.WaitForExitAsync(Drainctl.Patience);
        proxy.Restore();
        var (resumed, output) = await Drainctl.RunAsync(arguments);
        log.WriteLine($"first run, exit {interrupted}:\n{first.Output}\nsecond run, exit {resumed}:\n{output}");

        Assert.True(interrupted == 3, first.Output);
        // Warnings go to standard error, interleaved: the lines are found in order rather than at the very end.
        var stopped = first.Output.IndexOf(": interrupted: the database was unreachable", StringComparison.Ordinal);
        var advice = first.Output.IndexOf("is unfinished and resumable (exit 3): run the same command again to resume it.", StringComparison.Ordinal);
        Assert.True(stopped >= 0 && advice > stopped, first.Output);
        Assert.True(resumed == 0, output);
        Assert.Contains("Attached to unfinished drain", output, StringComparison.Ordinal);
        Assert.Equal(DrainState.Succeeded, (await Records.OnlyDrainOfAsync(database.DataSource, sim.Server)).State);
    }
}
