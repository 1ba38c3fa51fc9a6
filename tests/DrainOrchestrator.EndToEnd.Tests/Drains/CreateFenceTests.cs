using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// The late create (issue 13, finding 1): an engine paused while its VMIM create is on its way, past its lease, while a
/// second engine takes over. The create's deadline travels with it (the request's timeout), the API server gives it up
/// rather than commit it late, and the new owner decides the intent from the API server only once it cannot land: one
/// migration per VM, and the records say what the cluster did.
/// </summary>
public sealed class CreateFenceTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Vmims = "virtualmachineinstancemigrations";

    [Fact]
    public async Task Drain_OwnerPausedWithItsCreateInFlightPastItsLease_TheCreateNeverLandsAndTheNextOwnerMovesEachVmOnce()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", 1);
        // Longer than the lease, and than a whole migration: a create committed this late would move a VM a second time.
        await sim.PostAdminAsync("/sim/v1/faults", $$"""{"rules":[{"resource":"{{Vmims}}","verb":"create","delay":"15s"}]}""");
        await using var first = Drainctl.Start(DrainArguments(sim));
        var intended = await FirstIntentAsync(sim, first);
        first.Pause();
        log.WriteLine($"paused the first engine with {intended} on its way");
        await sim.DeleteAdminAsync("/sim/v1/faults");

        await using var second = Drainctl.Start(DrainArguments(sim));
        var code = await second.WaitForExitAsync(Drainctl.Patience);
        // The paused create's 15 s are over by now: whatever it would have done, it has done.
        first.Resume();
        await first.WaitForExitAsync(Drainctl.Patience);
        log.WriteLine($"second exit {code}:\n{second.Output}\nfirst exit {first.ExitCode}:\n{first.Output}");

        Assert.True(code == 0, second.Output);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Assert.Equal(DrainState.Succeeded, drain.State);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        var truth = await sim.GroundTruthAsync();
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, attempts, maxParallel: 5, maxOutbound: 2);
        Assert.All(attempts, a => Assert.True(a.IsFinal, $"{a.VmimName} is still {a.Outcome}"));
        var late = Assert.Single(attempts, a => a.VmimName == intended);
        Assert.Equal(AttemptOutcome.NotCreated, late.Outcome);
        Assert.DoesNotContain(truth.Migrations, m => m.Name == intended);
        // One successful migration per VM: no VM was moved twice.
        var moved = truth.Migrations.Where(m => m.Outcome == "Succeeded").GroupBy(m => m.Namespace + "/" + m.VmiName).ToList();
        Assert.All(moved, g => Assert.True(g.Count() == 1, $"{g.Key} was migrated {g.Count()} times"));
        Assert.Equal(moved.Count, attempts.Count(a => a.Outcome == AttemptOutcome.Succeeded));
    }

    // The name of the first attempt the engine intends: its create is sent right after.
    private async Task<string> FirstIntentAsync(SimulatorProcess sim, DrainOrchestrator.Testing.ChildProcess engine)
    {
        using var deadline = new CancellationTokenSource(Drainctl.Patience);
        while (true)
        {
            var drain = (await Records.DrainsAsync(database.DataSource)).FirstOrDefault(d => d.Cluster == sim.Server);
            var attempts = drain is null ? [] : await Records.AttemptsAsync(database.DataSource, drain.Id);
            if (attempts.Count > 0)
            {
                return attempts[0].VmimName;
            }

            Assert.False(engine.HasExited, "the engine ended before it intended a migration");
            await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
        }
    }

    private string[] DrainArguments(SimulatorProcess sim) =>
    [
        "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2", "--non-migratable", "skip",
        "--retry-backoff-seconds", "1", "--lease-seconds", "2", "--db", database.ConnectionString,
    ];
}
