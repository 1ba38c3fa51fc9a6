using System.Globalization;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>clock-offset</c>: two drainctl engines on one drain, started 0 s to 1.5 s apart, each with its wall
/// clock set off by a random -20 s to +20 s (drainctl's test knob <c>DRAIN_CLOCK_OFFSET_SECONDS</c>), and one of them
/// (either) stepping back a further 5 s to 30 s at a random moment 1 s to 6 s after its start
/// (<c>DRAIN_CLOCK_STEP_SECONDS</c>), as a host clock corrected by NTP. Leases must not be stolen or kept by a clock's
/// say-so, and a clock that steps back must not crash the drain: both engines must exit 0 with the drain completed.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class ClockOffsetChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.ClockOffset)]
    public Task Chaos_EnginesWithClocksTwentySecondsApartAndOneSteppingBack_DrainCompletesCleanly() =>
        ChaosCampaign.RunAsync(ChaosKinds.ClockOffset, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                var stepping = run.Random.Next(2);
                var engines = new List<ChildProcess>();
                for (var i = 0; i < 2; i++)
                {
                    var clock = new Dictionary<string, string>
                    {
                        ["DRAIN_CLOCK_OFFSET_SECONDS"] = Text(run.Random.Next(-20, 21)),
                    };
                    if (i == stepping)
                    {
                        clock["DRAIN_CLOCK_STEP_SECONDS"] = Text(-run.Random.Next(5, 31));
                        clock["DRAIN_CLOCK_STEP_AFTER_SECONDS"] = Text(run.Random.Next(1, 7));
                    }

                    engines.Add(run.StartEngine(environment: clock));
                    if (i == 0)
                    {
                        await Task.Delay(run.RandomDelay(0, 1500));
                    }
                }

                var together = !engines[0].HasExited;
                var codes = await Task.WhenAll(engines.Select(e => e.WaitForExitAsync(Drainctl.Patience)));
                run.Note($"the engines exited {string.Join(", ", codes)}");
                return new ChaosDrive(codes.All(c => c == 0), together);
            });

    private static string Text(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
