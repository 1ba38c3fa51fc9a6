using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>engine-kill</c>: drainctl SIGKILLed two to four times, each time at a random instant between 0.3 s and
/// 3 s after it started (starting up, waiting out the dead owner's lease, cordoning, planning, creating or watching
/// VMIMs), then run once more to the end.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class EngineKillChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.EngineKill)]
    public Task Chaos_EngineKilledAtRandomInstants_DrainCompletesWithoutDuplicatesLostRecordsOrViolations() =>
        ChaosCampaign.RunAsync(ChaosKinds.EngineKill, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                var planned = run.Random.Next(2, 5);
                var kills = 0;
                for (var i = 0; i < planned; i++)
                {
                    var engine = run.StartEngine();
                    var delay = run.RandomDelay(300, 3000);
                    await Task.WhenAny(engine.WaitForExitAsync(Drainctl.Patience), Task.Delay(delay));
                    if (engine.HasExited)
                    {
                        run.Note($"engine {i + 1} finished by itself ({engine.ExitCode}) before its kill at {delay.TotalMilliseconds} ms");
                        break;
                    }

                    await engine.KillAsync();
                    kills++;
                    run.Note($"engine {i + 1} SIGKILLed {delay.TotalMilliseconds} ms after its start");
                }

                var last = run.StartEngine();
                var code = await last.WaitForExitAsync(Drainctl.Patience);
                run.Note($"the last engine exited {code} after {kills} kill(s)");
                return new ChaosDrive(code == 0, kills > 0);
            });
}
