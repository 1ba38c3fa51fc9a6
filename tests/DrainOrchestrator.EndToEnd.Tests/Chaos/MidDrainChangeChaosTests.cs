using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>mid-drain-changes</c>: while one engine drains, the cluster or the database changes under it in one
/// of the ways of <see cref="MidDrainChange"/>, chosen by the seed (so 100 runs make each of the eight about 12 times;
/// <c>DRAIN_CHAOS_CHANGE</c> holds it to one; a process that is not root cannot fill a disk and draws again),
/// at a random moment of the drain, through the Kubernetes API as kubectl would or drain-sim's admin API. The engine
/// must finish the drain, exiting 0; only the read-only or full database may end it as interrupted (exit 3), and then one more
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
                var change = Choose(run);
                run.Note($"the change: {change}");
                var disk = change == MidDrainChange.DatabaseOutOfDisk
                    ? await FullDisk.PrepareAsync(await AdminConnectionStringAsync(), run.Database.ConnectionString, ServerUser)
                    : null;
                try
                {
                    var engine = run.StartEngine();
                    await engine.WaitForOutputAsync("drain drain-", Drainctl.Patience);
                    var drive = await ChangeAsync(run, engine, change, disk);
                    var code = await engine.WaitForExitAsync(Drainctl.Patience);
                    run.Note($"the engine exited {code}");
                    var completed = code == 0;
                    if (code != 0 && !await run.DrainsEndedAsync())
                    {
                        var again = await run.StartEngine().WaitForExitAsync(Drainctl.Patience);
                        run.Note($"a second engine, to resume the drain, exited {again}");
                        completed = change is MidDrainChange.DatabaseReadOnly or MidDrainChange.DatabaseOutOfDisk && code == 3 && again == 0;
                    }

                    return await ConfirmHitAsync(run, change, drive) with { EngineCompleted = completed };
                }
                finally
                {
                    if (disk is not null)
                    {
                        await disk.DisposeAsync();
                    }
                }
            });

    // The OS user the test PostgreSQL runs as when the tests run as root (EmbeddedPostgresOptions.RootRunAsUser).
    private const string ServerUser = "postgres";

    private static MidDrainChange Choose(ChaosRun run)
    {
        var all = Enum.GetValues<MidDrainChange>();
        var drawn = all[run.Random.Next(all.Length)];
        if (ChaosSettings.ForcedChange is { } forced)
        {
            return forced != MidDrainChange.DatabaseOutOfDisk || FullDisk.IsPossible
                ? forced
                : throw new InvalidOperationException(
                    $"{ChaosSettings.ChangeVariable}={forced} mounts a size-limited tmpfs and needs root; run the campaign as root or choose another change");
        }

        if (drawn == MidDrainChange.DatabaseOutOfDisk && !FullDisk.IsPossible)
        {
            var others = all.Where(c => c != MidDrainChange.DatabaseOutOfDisk).ToArray();
            drawn = others[run.Random.Next(others.Length)];
            run.Note($"DatabaseOutOfDisk drawn, but filling a disk needs root: {drawn} instead");
        }

        return drawn;
    }

    // Whether the change really struck, where the drive could only arm it: the VMI deletion strikes only once its
    // migration transfers, the full disk only when PostgreSQL had to grow a table meanwhile, and the read-only server
    // only when an engine wrote meanwhile.
    private static async Task<ChaosDrive> ConfirmHitAsync(ChaosRun run, MidDrainChange change, ChaosDrive drive)
    {
        switch (change)
        {
            case MidDrainChange.VmiDeleted when drive.DeletedVmi is { } deleted && drive.DeletedVmiUid is { } uid:
                var vmis = await run.Sim.VmisAsync();
                var struck = !vmis.TryGetValue(deleted, out var now) || now.Metadata.Uid != uid;
                run.Note(struck
                    ? $"the VMI {deleted} was deleted (uid {uid} is gone)"
                    : $"the deletion of {deleted} never struck: its migration ended before it transferred");
                return drive with { FaultHit = struck };
            case MidDrainChange.DatabaseOutOfDisk:
                var full = run.Engines.Any(e => e.Output.Contains("53100", StringComparison.Ordinal));
                run.Note(full ? "an engine met 53100 (disk full)" : "no engine had to grow a table while the disk was full");
                return drive with { FaultHit = full };
            case MidDrainChange.DatabaseReadOnly:
                var refused = run.Engines.Any(e => e.Output.Contains("25006", StringComparison.Ordinal));
                run.Note(refused ? "an engine met 25006 (read-only)" : "no engine wrote while the server was read-only");
                return drive with { FaultHit = refused };
            default:
                return drive;
        }
    }

    private async Task<ChaosDrive> ChangeAsync(ChaosRun run, ChildProcess engine, MidDrainChange change, FullDisk? disk)
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
                string? vmUid = null;
                if (vm is not null)
                {
                    vmUid = (await run.Sim.VmisAsync()).GetValueOrDefault($"apps/{vm}")?.Metadata.Uid;
                    await run.Sim.PostAdminAsync("/sim/v1/cluster-faults", $$"""{"kind":"vmiDeletion","namespace":"apps","name":"{{vm}}","whileMigrating":true}""");
                    run.Note($"the VMI apps/{vm} will be deleted once its migration {Name(early!)} transfers");
                }

                return new ChaosDrive(false, vm is not null) { DeletedVmi = vm is null ? null : $"apps/{vm}", DeletedVmiUid = vmUid };
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
            case MidDrainChange.DatabaseOutOfDisk:
                await Task.Delay(run.RandomDelay(300, 3000));
                var full = run.RandomDelay(3000, 8000);
                var filled = disk!.Fill();
                run.Note($"the tables' volume full ({filled} bytes of filler) for {full.TotalMilliseconds} ms");
                try
                {
                    await Task.Delay(full);
                }
                finally
                {
                    disk.Empty();
                }

                run.Note("the tables' volume has space again");
                return new ChaosDrive(false, !engine.HasExited);
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
