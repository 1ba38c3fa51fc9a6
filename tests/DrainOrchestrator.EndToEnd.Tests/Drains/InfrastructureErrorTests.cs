using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Drains;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// Errors of the infrastructure say nothing about the drain: a run they stop ends as interrupted (exit 3, resumable),
/// not failed. (A node deleted mid-drain is covered by the engine's RecoveryTests: drain-sim cannot delete nodes.)
/// </summary>
public sealed class InfrastructureErrorTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_CordonAnswered500_ExitsInterruptedAndTheSameCommandCompletesIt()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", 4);
        await sim.PostAdminAsync("/sim/v1/faults", """{"rules":[{"resource":"nodes","verb":"patch","errorRate":1}]}""");
        string[] arguments =
        [
            "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--non-migratable", "skip", "--retry-backoff-seconds", "1",
            "--db", database.ConnectionString,
        ];

        var (interrupted, first) = await Drainctl.RunAsync(arguments);
        await sim.DeleteAdminAsync("/sim/v1/faults");
        var (resumed, second) = await Drainctl.RunAsync(arguments);
        log.WriteLine($"first run, exit {interrupted}:\n{first}\nsecond run, exit {resumed}:\n{second}");

        Assert.True(interrupted == 3, first);
        Assert.Contains(": interrupted: the Kubernetes API failed", first, StringComparison.Ordinal);
        Assert.Contains("is unfinished and resumable (exit 3)", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", first, StringComparison.Ordinal);
        Assert.True(resumed == 0, second);
        Assert.Equal(DrainState.Succeeded, (await Records.OnlyDrainOfAsync(database.DataSource, sim.Server)).State);
    }
}
