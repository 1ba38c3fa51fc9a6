using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>api-partition</c>: 0.5 s to 4 s into the drain, the engine is cut off the Kubernetes API server
/// (drain-sim's <c>/sim/v1/partition</c>: every request and open watch hangs without a byte, then its connection drops
/// when the partition heals) for <see cref="ChaosSettings.PartitionSeconds"/> (60-120 s in the campaign; 8-15 s in the
/// ordinary test suite's single run), while PostgreSQL stays reachable. The engine must ride it out and finish the
/// drain in the same process; if it does not, the run is not completed, and one more engine resumes a drain left
/// unfinished so that its records can still be judged.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class ApiPartitionChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.ApiPartition)]
    public Task Chaos_ApiServerPartitionedMidDrain_EngineRidesItOutWithoutDuplicatesLostRecordsOrViolations() =>
        ChaosCampaign.RunAsync(ChaosKinds.ApiPartition, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                var engine = run.StartEngine();
                await engine.WaitForOutputAsync("drain drain-", Drainctl.Patience);
                var before = run.RandomDelay(500, 4000);
                await Task.WhenAny(engine.WaitForExitAsync(Drainctl.Patience), Task.Delay(before));
                if (engine.HasExited)
                {
                    run.Note($"the engine finished ({engine.ExitCode}) before the partition at {before.TotalMilliseconds} ms");
                    return new ChaosDrive(engine.ExitCode == 0, FaultHit: false);
                }

                var (min, max) = ChaosSettings.PartitionSeconds;
                var length = TimeSpan.FromSeconds(run.Random.Next(min, max + 1));
                await run.Sim.PostAdminAsync("/sim/v1/partition", $$"""{"duration":"{{(int)length.TotalSeconds}}s"}""");
                run.Note($"the API server partitioned from its clients {before.TotalMilliseconds} ms into the drain, for {length.TotalSeconds} s");
                await Task.WhenAny(engine.WaitForExitAsync(Drainctl.Patience + length), Task.Delay(length));
                var struck = !engine.HasExited || engine.ExitCode != 0;
                var code = await engine.WaitForExitAsync(Drainctl.Patience);
                run.Note($"the engine exited {code}");
                if (code != 0 && !await run.DrainsEndedAsync())
                {
                    var again = run.StartEngine();
                    run.Note($"a second engine, to finish the drain for judging, exited {await again.WaitForExitAsync(Drainctl.Patience)}");
                }

                return new ChaosDrive(code == 0, struck);
            });
}
