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
        await using var sim = await SimulatorProcess.StartAsync("late-create.yaml", 1);
        // Longer than the lease and than the rest of the drain: a create committed this late would move a VM again.
        var held = TimeSpan.FromSeconds(25);
        await sim.PostAdminAsync("/sim/v1/faults",
            $$"""{"rules":[{"resource":"{{Vmims}}","verb":"create","delay":"{{held.TotalSeconds}}s"}]}""");
        await using var first = Drainctl.Start(DrainArguments(sim));
        await FirstCreateReceivedAsync(sim, first);
        first.Pause();
        var pausedAt = TimeProvider.System.GetTimestamp();
        var intended = await FirstIntentAsync(sim);
        log.WriteLine($"paused the first engine with the create of {intended} held by the API server");
        await sim.DeleteAdminAsync("/sim/v1/faults");

        await using var second = Drainctl.Start(DrainArguments(sim));
        var code = await second.WaitForExitAsync(Drainctl.Patience);
        // Whatever the held create would do, it has done once its hold is over.
        var left = held + TimeSpan.FromSeconds(3) - TimeProvider.System.GetElapsedTime(pausedAt);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        first.Resume();
        await first.WaitForExitAsync(Drainctl.Patience);
        log.WriteLine($"second exit {code}:\n{second.Output}\nfirst exit {first.ExitCode}:\n{first.Output}");

        Assert.True(code == 0, second.Output);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Assert.Equal(DrainState.Succeeded, drain.State);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        var truth = await sim.GroundTruthAsync();
        log.WriteLine("migrations: " + string.Join(", ", truth.Migrations.Select(m => $"{m.Name} ({m.VmiName}) {m.Outcome}")));
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, attempts, maxParallel: 5, maxOutbound: 2);
        Assert.Equal(3, truth.Migrations.Count(m => m.Outcome == "Succeeded"));
        Assert.All(attempts, a => Assert.True(a.IsFinal, $"{a.VmimName} is still {a.Outcome}"));
        var late = Assert.Single(attempts, a => a.VmimName == intended);
        Assert.Equal(AttemptOutcome.NotCreated, late.Outcome);
        Assert.DoesNotContain(truth.Migrations, m => m.Name == intended);
        // One successful migration per VM: no VM was moved twice.
        var moved = truth.Migrations.Where(m => m.Outcome == "Succeeded").GroupBy(m => m.Namespace + "/" + m.VmiName).ToList();
        Assert.All(moved, g => Assert.True(g.Count() == 1, $"{g.Key} was migrated {g.Count()} times"));
        Assert.Equal(moved.Count, attempts.Count(a => a.Outcome == AttemptOutcome.Succeeded));
    }

    // Returns once the API server received the first VMIM create (the engine sends it right after its intent).
    private static async Task FirstCreateReceivedAsync(SimulatorProcess sim, DrainOrchestrator.Testing.ChildProcess engine)
    {
        using var deadline = new CancellationTokenSource(Drainctl.Patience);
        while (await sim.RequestCountAsync("create", Vmims) == 0)
        {
            Assert.False(engine.HasExited, "the engine ended before it created a migration");
            await Task.Delay(TimeSpan.FromMilliseconds(5), deadline.Token);
        }
    }

    // The name of the only attempt intended so far: the one whose create is held.
    private async Task<string> FirstIntentAsync(SimulatorProcess sim)
    {
        var drain = (await Records.DrainsAsync(database.DataSource)).Single(d => d.Cluster == sim.Server);
        return Assert.Single(await Records.AttemptsAsync(database.DataSource, drain.Id)).VmimName;
    }

    private string[] DrainArguments(SimulatorProcess sim) =>
    [
        "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1",
        "--retry-backoff-seconds", "1", "--lease-seconds", "2", "--db", database.ConnectionString,
    ];
}
