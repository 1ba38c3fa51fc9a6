using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>paused-owner</c>: the owning drainctl SIGSTOPped at a random instant (0.5 s to 4 s after it started)
/// for 3 s to 8 s, well past its 2 s lease, while a second engine takes the drain over; then SIGCONTinued, so that it
/// carries on from where it stood with a lease it no longer holds. In half of the runs every VMIM create waits 2 s to
/// 6 s in the API server first, so that a pause lands between the intent and the create and the paused owner's POST
/// reaches the cluster after the new owner has moved on; in half of the runs the pause waits for an attempt recorded
/// intended and not yet created (polling PostgreSQL). virt-api admits through a lagging cache. The second engine must
/// exit 0 with the drain completed; the first must end too, 0 or 3 (it lost the drain), never with a second migration.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class PausedOwnerChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.PausedOwner)]
    public Task Chaos_OwnerPausedPastItsLease_NoSecondMigrationNoContradictingRecord() =>
        ChaosCampaign.RunAsync(ChaosKinds.PausedOwner, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                await run.LagAdmissionAsync();
                if (run.Random.Next(2) == 0)
                {
                    var delay = run.RandomDelay(2000, 6000);
                    await run.Sim.PostAdminAsync("/sim/v1/faults",
                        $$"""{"resource":"virtualmachineinstancemigrations","verb":"create","delay":"{{(int)delay.TotalMilliseconds}}ms"}""");
                    run.Note($"every VMIM create waits {delay.TotalMilliseconds} ms in the API server");
                }

                var owner = run.StartEngine();
                var before = run.RandomDelay(500, 4000);
                var atIntent = run.Random.Next(2) == 0;
                await Task.WhenAny(owner.WaitForExitAsync(Drainctl.Patience), Task.Delay(before));
                if (atIntent && !owner.HasExited)
                {
                    atIntent = await WaitForIntentAsync(run, owner);
                }

                if (owner.HasExited)
                {
                    run.Note($"the owner finished ({owner.ExitCode}) before its pause at {before.TotalMilliseconds} ms");
                    return new ChaosDrive(owner.ExitCode == 0, FaultHit: false);
                }

                owner.Pause();
                var paused = run.RandomDelay(3000, 8000);
                run.Note($"engine 1 SIGSTOPped {before.TotalMilliseconds} ms after its start{(atIntent ? ", with an attempt intended and not yet created" : "")}, "
                    + $"for {paused.TotalMilliseconds} ms");
                var successor = run.StartEngine();
                await Task.Delay(paused);
                owner.Resume();
                run.Note("engine 1 SIGCONTinued");

                // The slow creates were there to catch the owner between intent and create; the rest of the drain may run at speed.
                await run.Sim.DeleteAdminAsync("/sim/v1/faults");
                var codes = await Task.WhenAll(owner.WaitForExitAsync(Drainctl.Patience), successor.WaitForExitAsync(Drainctl.Patience));
                run.Note($"the paused owner exited {codes[0]}, its successor {codes[1]}");
                return new ChaosDrive(codes[0] is 0 or 3 && codes[1] == 0, FaultHit: true);
            });

    // Polls the run's database for an attempt journaled as intended whose VMIM is not yet recorded as created: pausing
    // then freezes the owner between its intent and its create (or with the create in flight). False when none showed
    // within 10 s.
    private static async Task<bool> WaitForIntentAsync(ChaosRun run, ChildProcess owner)
    {
        await using var dataSource = run.Database.OpenDataSource();
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (!owner.HasExited && TimeProvider.System.GetUtcNow() < deadline)
        {
            await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM migration_attempts WHERE outcome = 'intended')");
            if (await command.ExecuteScalarAsync() is true)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }

        return false;
    }
}
