using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// Errors of the infrastructure are not the VMs' fault: every VMIM create answered 500 for a while must neither kill
/// drainctl nor use up an attempt: no attempt ends for it (a VM that stalls on its own is retried as usual).
/// </summary>
public sealed class ApiOutageTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Vmims = "virtualmachineinstancemigrations";

    // Each create call of the client tries up to five times before it gives up: three calls' worth is an outage the
    // retry pipeline alone does not ride out.
    private const int FailedCreates = 15;

    [Fact]
    public async Task Drain_EveryVmimCreateAnswered500ForAWhile_RidesItOutWithoutChargingAnyAttempt()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", 4);
        await sim.PostAdminAsync("/sim/v1/faults", $$"""{"rules":[{"resource":"{{Vmims}}","verb":"create","errorRate":1}]}""");
        await using var drain = Drainctl.Start("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);

        using var deadline = new CancellationTokenSource(Drainctl.Patience);
        while (await sim.RequestCountAsync("create", Vmims) < FailedCreates && !drain.HasExited)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }

        await sim.DeleteAdminAsync("/sim/v1/faults");
        var code = await drain.WaitForExitAsync(Drainctl.Patience);
        log.WriteLine($"exit {code}:\n{drain.Output}");

        Assert.True(code == 0, drain.Output);
        var record = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Assert.Equal(DrainState.Succeeded, record.State);
        var attempts = await Records.AttemptsAsync(database.DataSource, record.Id);
        Assert.All(attempts.Where(a => a.Outcome != AttemptOutcome.Succeeded), a => Assert.False(
            a.Outcome == AttemptOutcome.NotCreated || a.FailureClass == "ApiError" || (a.FailureReason ?? "").Contains("injected fault", StringComparison.Ordinal),
            $"{a.VmimName}: {a.Outcome} {a.FailureClass} {a.FailureReason}"));
        Assert.True(await Journal.CountAsync(database.DataSource, record.Id, "attempt.create_deferred") > 0,
            "the creates the API server failed are journaled as deferred");
        Records.AssertOneAttemptPerVmimAndLimitsKept(await sim.GroundTruthAsync(), attempts, maxParallel: 5, maxOutbound: 2);
    }
}
