using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Drains;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// Errors of the infrastructure say nothing about the drain. A refusal (403) stops the run as interrupted (exit 3,
/// resumable), not failed; an API server that keeps failing (500) is ridden out in the same run, its steps run again
/// from the journal, until the API outage timeout. (A node deleted mid-drain is covered by the engine's RecoveryTests.)
/// </summary>
public sealed class InfrastructureErrorTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_CordonForbidden_ExitsInterruptedAndTheSameCommandCompletesIt()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", 4);
        await sim.PostAdminAsync("/sim/v1/faults", """{"rules":[{"resource":"nodes","verb":"patch","forbid":true}]}""");
        var arguments = Arguments(sim);

        var (interrupted, first) = await Drainctl.RunAsync(arguments);
        await sim.DeleteAdminAsync("/sim/v1/faults");
        var (resumed, second) = await Drainctl.RunAsync(arguments);
        log.WriteLine($"first run, exit {interrupted}:\n{first}\nsecond run, exit {resumed}:\n{second}");

        Assert.True(interrupted == 3, first);
        Assert.Contains(": interrupted: the Kubernetes API failed", first, StringComparison.Ordinal);
        Assert.Contains("lacks a permission", first, StringComparison.Ordinal);
        Assert.Contains("is unfinished and resumable (exit 3)", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", first, StringComparison.Ordinal);
        Assert.True(resumed == 0, second);
        Assert.Equal(DrainState.Succeeded, (await Records.OnlyDrainOfAsync(database.DataSource, sim.Server)).State);
    }

    [Fact]
    public async Task Drain_CordonAnswered500ForAWhile_RiddenOutAndCompletedInTheSameRun()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", 4);
        await sim.PostAdminAsync("/sim/v1/faults", """{"rules":[{"resource":"nodes","verb":"patch","errorRate":1}]}""");

        await using var drain = Drainctl.Start(Arguments(sim));
        await drain.WaitForOutputAsync("the Kubernetes API has failed for", Drainctl.Patience);
        await sim.DeleteAdminAsync("/sim/v1/faults");
        var code = await drain.WaitForExitAsync(Drainctl.Patience);
        log.WriteLine($"exit {code}:\n{drain.Output}");

        Assert.True(code == 0, drain.Output);
        Assert.Contains("its steps run again from the journal", drain.Output, StringComparison.Ordinal);
        Assert.Equal(DrainState.Succeeded, (await Records.OnlyDrainOfAsync(database.DataSource, sim.Server)).State);
    }

    private string[] Arguments(SimulatorProcess sim) =>
    [
        "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--non-migratable", "skip", "--retry-backoff-seconds", "1",
        "--db", database.ConnectionString,
    ];
}
