using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>mid-drain-changes</c>: while one engine drains, the cluster or the database changes under it in one
/// of the ways of <see cref="MidDrainChange"/>, chosen by the seed (so 100 runs make each of the seven about 14 times;
/// <c>DRAIN_CHAOS_CHANGE</c> holds it to one),
/// at a random moment of the drain, through the Kubernetes API as kubectl would or drain-sim's admin API. The engine
/// must finish the drain, exiting 0; only the read-only database may end it as interrupted (exit 3), and then one more
/// engine must resume and finish it. Otherwise the run is not completed, and one more engine resumes a drain left
/// unfinished so that its records can still be judged (a drain that ended is judged as it ended). PostgreSQL is a server of its own (a read-only server must not touch other tests).
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class MidDrainChangeChaosTests(RestartablePostgresServer postgres, ITestOutputHelper log) : IClassFixture<RestartablePostgresServer>
{
    private const string Vmims = "/apis/kubevirt.io/v1/namespaces/apps/virtualmachineinstancemigrations";
    private static readonly TimeSpan ChangeWithin = TimeSpan.FromSeconds(60);

    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.MidDrainChanges)]
    public Task Chaos_ClusterOrDatabaseChangedMidDrain_DrainFinishesAndRecordsTheTruth() =>
        ChaosCampaign.RunAsync(ChaosKinds.MidDrainChanges, ChaosKinds.DrainScenario, speed: 10, AdminConnectionStringAsync, log,
            async run =>
            {
                var drawn = (MidDrainChange)run.Random.Next(Enum.GetValues<MidDrainChange>().Length);
                var change = ChaosSettings.ForcedChange ?? drawn;
                run.Note($"the change: {change}");
                var engine = run.StartEngine();
                await engine.WaitForOutputAsync("drain drain-", Drainctl.Patience);
                var drive = await ChangeAsync(run, engine, change);
                var code = await engine.WaitForExitAsync(Drainctl.Patience);
                run.Note($"the engine exited {code}");
                var completed = code == 0;
                if (code != 0 && !await run.DrainsEndedAsync())
                {
                    var again = await run.StartEngine().WaitForExitAsync(Drainctl.Patience);
                    run.Note($"a second engine, to resume the drain, exited {again}");
                    completed = change == MidDrainChange.DatabaseReadOnly && code == 3 && again == 0;
                }

                return drive with { EngineCompleted = completed };
            });

    private async Task<ChaosDrive> ChangeAsync(ChaosRun run, ChildProcess engine, MidDrainChange change)
    {
        switch (change)
        {
            case MidDrainChange.VmimDeleted:
                var running = await WaitForMigrationAsync(run, engine, m => Phase(m) == "Running");
                return new ChaosDrive(false, running is not null && await DeleteAsync(run, $"{Vmims}/{Name(running)}", $"VMIM {Name(running)}"));
            case MidDrainChange.VmimCollected:
                var collected = 0;
                for (var round = 0; round < 2; round++)
                {
                    var finished = await WaitForMigrationAsync(run, engine, m => Phase(m) == "Succeeded");
                    if (finished is not null && !engine.HasExited)
                    {
                        await run.Sim.PostAdminAsync("/sim/v1/cluster-faults", """{"kind":"vmimGarbageCollection"}""");
                        run.Note($"finished VMIMs garbage-collected (round {round + 1})");
                        collected++;
                    }

                    await Task.Delay(run.RandomDelay(500, 3000));
                }

                return new ChaosDrive(false, collected > 0);
            case MidDrainChange.VmiDeleted:
                await Task.Delay(run.RandomDelay(300, 2000));
                var early = await WaitForMigrationAsync(run, engine, m => Phase(m) is "Pending" or "Scheduling" or "Scheduled" or "PreparingTarget" or "TargetReady");
                var vm = early?["vmiName"]!.GetValue<string>();
                if (vm is not null)
                {
                    await run.Sim.PostAdminAsync("/sim/v1/cluster-faults", $$"""{"kind":"vmiDeletion","namespace":"apps","name":"{{vm}}","whileMigrating":true}""");
                    run.Note($"the VMI apps/{vm} will be deleted once its migration {Name(early!)} transfers");
                }

                return new ChaosDrive(false, vm is not null) { DeletedVmi = vm is null ? null : $"apps/{vm}" };
            case MidDrainChange.TargetNodeDeleted:
                var targeted = await WaitForMigrationAsync(run, engine, m => Phase(m) == "Running" && m["targetNode"] is not null);
                var node = targeted?["targetNode"]!.GetValue<string>();
                var deleted = node is not null && await DeleteAsync(run, $"/api/v1/nodes/{node}", $"node {node}, target of {Name(targeted!)}");
                return new ChaosDrive(false, deleted) { ToleratedLossCause = "was deleted" };
            case MidDrainChange.LimitLowered:
                await Task.Delay(run.RandomDelay(500, 3000));
                var code = await run.Sim.SendAsync(HttpMethod.Patch, "/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt",
                    """{"spec":{"configuration":{"migrations":{"parallelMigrationsPerCluster":2}}}}""", "application/merge-patch+json");
                var at = (await run.Sim.GroundTruthAsync()).Document["takenAt"]!.GetValue<DateTimeOffset>();
                run.Note($"the KubeVirt CR's parallelMigrationsPerCluster lowered to 2 at model time {at:HH:mm:ss.fff}: {(int)code}");
                return new ChaosDrive(false, (int)code == 200 && !engine.HasExited) { LoweredLimit = (at, 2) };
            case MidDrainChange.WatchRevoked:
                await Task.Delay(run.RandomDelay(300, 3000));
                var revoked = run.RandomDelay(3000, 8000);
                await run.Sim.PostAdminAsync("/sim/v1/faults", """{"resource":"*","verb":"watch","forbid":true}""");
                run.Note($"the watch permission revoked for {revoked.TotalMilliseconds} ms");
                var hit = !engine.HasExited;
                await Task.Delay(revoked);
                await run.Sim.DeleteAdminAsync("/sim/v1/faults");
                run.Note("the watch permission restored");
                return new ChaosDrive(false, hit);
            default:
                await Task.Delay(run.RandomDelay(300, 3000));
                var readOnly = run.RandomDelay(3000, 8000);
                await SetReadOnlyAsync(true);
                run.Note($"PostgreSQL read-only for {readOnly.TotalMilliseconds} ms");
                var struck = !engine.HasExited;
                try
                {
                    await Task.Delay(readOnly);
                }
                finally
                {
                    await SetReadOnlyAsync(false);
                }

                run.Note("PostgreSQL writable again");
                return new ChaosDrive(false, struck);
        }
    }

    /// <summary>Polls the ground truth until a VMIM matches, or the engine ends, or a minute passes (null then).</summary>
    private static async Task<JsonObject?> WaitForMigrationAsync(ChaosRun run, ChildProcess engine, Func<JsonObject, bool> match)
    {
        var deadline = TimeProvider.System.GetUtcNow() + ChangeWithin;
        while (!engine.HasExited && TimeProvider.System.GetUtcNow() < deadline)
        {
            var migrations = (await run.Sim.GroundTruthAsync()).Document["migrations"]!.AsArray();
            if (migrations.Select(m => m!.AsObject()).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        run.Note("no VMIM to change before the engine ended");
        return null;
    }

    private static async Task<bool> DeleteAsync(ChaosRun run, string path, string what)
    {
        var code = await run.Sim.SendAsync(HttpMethod.Delete, path);
        run.Note($"DELETE {what}: {(int)code}");
        return (int)code is 200 or 202;
    }

    private static string Phase(JsonObject migration) => migration["phase"]!.GetValue<string>();

    private static string Name(JsonObject migration) => migration["name"]!.GetValue<string>();

    // The whole server, as a full disk or an operator would; this session keeps its own setting so that it can undo it.
    // ALTER SYSTEM may not run in a transaction block: one statement per command.
    private async Task SetReadOnlyAsync(bool readOnly)
    {
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        string[] statements =
        [
            "SET default_transaction_read_only = off",
            readOnly ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only",
            "SELECT pg_reload_conf()",
        ];
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private Task<string> AdminConnectionStringAsync() =>
        Task.FromResult(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "postgres" }.ConnectionString);
}
