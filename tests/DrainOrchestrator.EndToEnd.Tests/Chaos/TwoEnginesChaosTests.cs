using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>two-engines</c>: two drainctl processes on the same drain and database, the second started 0 s to
/// 1.5 s after the first; in half of the runs one of them (either) is SIGKILLed at a random instant. Every engine not
/// killed must exit 0 with the drain completed. virt-api admits through a lagging cache, so nothing but the engines'
/// own guard stops a VMI from being migrated by both.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class TwoEnginesChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.TwoEngines)]
    public Task Chaos_TwoEngineReplicasAtOnce_DrainCompletesWithoutDuplicatesLostRecordsOrViolations() =>
        ChaosCampaign.RunAsync(ChaosKinds.TwoEngines, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                await run.LagAdmissionAsync();
                var first = run.StartEngine();
                await Task.Delay(run.RandomDelay(0, 1500));
                var together = !first.HasExited;
                var second = run.StartEngine();
                ChildProcess? killed = null;
                if (run.Random.Next(2) == 0)
                {
                    var victim = run.Random.Next(2) == 0 ? first : second;
                    var delay = run.RandomDelay(500, 5000);
                    await Task.WhenAny(victim.WaitForExitAsync(Drainctl.Patience), Task.Delay(delay));
                    if (!victim.HasExited)
                    {
                        await victim.KillAsync();
                        killed = victim;
                        run.Note($"engine {(victim == first ? 1 : 2)} SIGKILLed after {delay.TotalMilliseconds} ms");
                    }
                }

                var survivors = new[] { first, second }.Where(e => e != killed).ToList();
                var codes = await Task.WhenAll(survivors.Select(e => e.WaitForExitAsync(Drainctl.Patience)));
                run.Note($"surviving engine(s) exited {string.Join(", ", codes)}");
                return new ChaosDrive(codes.All(c => c == 0), together);
            });
}
