using DrainOrchestrator.EndToEnd.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>postgres-restart</c>: the engine's PostgreSQL server stopped (fast shutdown: every session terminated)
/// once or twice at a random instant of the drain, down for 0.5 s to 5 s, then started again on the same port. The
/// engine must ride the outage out and finish the drain in the same process; if it does not, the run is not completed,
/// and one more engine finishes the drain so that its records can still be judged.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class PostgresRestartChaosTests(RestartablePostgresServer postgres, ITestOutputHelper log) : IClassFixture<RestartablePostgresServer>
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.PostgresRestart)]
    public Task Chaos_PostgresRestartedMidDrain_EngineRidesItOutWithoutDuplicatesLostRecordsOrViolations() =>
        ChaosCampaign.RunAsync(ChaosKinds.PostgresRestart, ChaosKinds.DrainScenario, speed: 10, AdminConnectionStringAsync, log,
            async run =>
            {
                var engine = run.StartEngine();
                await engine.WaitForOutputAsync("drain drain-", Drainctl.Patience);
                var restarts = run.Random.Next(1, 3);
                var struck = 0;
                for (var i = 0; i < restarts; i++)
                {
                    var delay = run.RandomDelay(200, 3000);
                    await Task.WhenAny(engine.WaitForExitAsync(Drainctl.Patience), Task.Delay(delay));
                    if (engine.HasExited)
                    {
                        run.Note($"the engine finished ({engine.ExitCode}) before restart {i + 1}");
                        break;
                    }

                    var down = run.RandomDelay(500, 5000);
                    try
                    {
                        await postgres.StopAsync(CancellationToken.None);
                        struck += engine.HasExited ? 0 : 1;
                        run.Note($"PostgreSQL stopped {delay.TotalMilliseconds} ms into the drain (restart {i + 1}), down for {down.TotalMilliseconds} ms");
                        await Task.Delay(down);
                    }
                    finally
                    {
                        await postgres.StartAsync(CancellationToken.None);
                    }
                }

                var code = await engine.WaitForExitAsync(Drainctl.Patience);
                run.Note($"the engine exited {code}");
                if (code != 0)
                {
                    var again = run.StartEngine();
                    run.Note($"a second engine, to finish the drain for judging, exited {await again.WaitForExitAsync(Drainctl.Patience)}");
                }

                return new ChaosDrive(code == 0, struck > 0);
            });

    private Task<string> AdminConnectionStringAsync() =>
        Task.FromResult(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "postgres" }.ConnectionString);
}
