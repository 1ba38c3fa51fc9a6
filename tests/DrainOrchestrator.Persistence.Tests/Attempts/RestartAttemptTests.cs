using Dapper;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Migrations;
using DrainOrchestrator.Persistence.Tests.Journal;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Attempts;

/// <summary>Restart attempts (migration 0004): the kind column, no wave, no VMIM, and the rows written before it.</summary>
public sealed class RestartAttemptTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private async Task InTransactionAsync(Func<NpgsqlTransaction, Task> work)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }

    private static NewAttempt Restart(Guid drainId, string name, bool postCopy = false) =>
        new(drainId, 0, 1, "ns", "legacy", "uid-" + name, "worker-1", null, name, postCopy, AttemptKind.Restart);

    [Fact]
    public async Task Lifecycle_RestartInADrainWithoutWaves_RecordedWithoutWaveModeOrVmim()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "worker-1");
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        await InTransactionAsync(t => store.InsertIntendedAsync(t, Restart(drain.Id, name), CancellationToken.None));
        await InTransactionAsync(t => store.ObserveAsync(t, name,
            new AttemptObservation(AttemptOutcome.Created, CreatedAt: _clock.GetUtcNow()), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(40));
        await InTransactionAsync(t => store.ObserveAsync(t, name,
            new AttemptObservation(AttemptOutcome.Succeeded, TargetNode: "worker-3"), CancellationToken.None));

        var record = Assert.Single(await store.ListAsync(drain.Id, CancellationToken.None));
        Assert.True(record.IsRestart);
        Assert.Equal((AttemptKind.Restart, 0, AttemptOutcome.Succeeded, "worker-3"), (record.Kind, record.WaveNumber, record.Outcome, record.TargetNode));
        Assert.Equal(((string?)null, (string?)null, false), (record.Mode, record.VmimUid, record.PostCopy));
        Assert.Equal(TimeSpan.FromSeconds(40), record.FinishedAt - record.CreatedAt);
    }

    [Fact]
    public async Task InsertIntendedAsync_PostCopyRestart_RejectedByTheDatabase()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "worker-1");
        var store = new AttemptStore(database.DataSource, _clock);

        var ex = await Assert.ThrowsAsync<PostgresException>(() => InTransactionAsync(t =>
            store.InsertIntendedAsync(t, Restart(drain.Id, "drain-" + Guid.NewGuid().ToString("N")[..12], postCopy: true), CancellationToken.None)));

        Assert.Equal("migration_attempts_restart_shape", ex.ConstraintName);
    }

    [Fact]
    public async Task MigrationWithoutWave_RejectedByTheDatabase()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "worker-1");
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            """
            INSERT INTO migration_attempts (drain_id, wave_number, attempt, vmi_namespace, vmi_name, vmi_uid, source_node, vmim_name, intended_at)
            VALUES (@Id, NULL, 1, 'ns', 'vm', 'uid-x', 'worker-1', @name, now())
            """, new { drain.Id, name = "drain-" + Guid.NewGuid().ToString("N")[..12] }));

        Assert.Equal("migration_attempts_wave_unless_restart", ex.ConstraintName);
    }

    [Fact]
    public async Task Migrate_RowsWrittenBefore0004_BecomeMigrations()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        var migrator = new SchemaMigrator(db.DataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
        var all = MigrationSet.FromDirectory(RepositoryPaths.MigrationsSql);
        await migrator.MigrateAsync(MigrationSet.Create(all.Scripts.Where(s => s.Version < 4), "before 0004"), CancellationToken.None);
        var drain = new { Id = Guid.NewGuid() };
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            // Written as the schema before 0004 had it (today's store writes columns added since).
            await connection.ExecuteAsync(
                """
                INSERT INTO drains (id, name, cluster, created_at) VALUES (@Id, 'old-drain', 'c-old', now());
                INSERT INTO waves (drain_id, wave_number, mode, planned_size, cluster_limit, planned_at) VALUES (@Id, 1, 'rolling', 1, 5, now());
                INSERT INTO migration_attempts (drain_id, wave_number, attempt, vmi_namespace, vmi_name, vmi_uid, source_node, target_node, vmim_name, intended_at)
                VALUES (@Id, 1, 1, 'ns', 'vm', 'uid-x', 'worker-1', 'worker-2', 'drain-old-1', now());
                """, new { drain.Id });
        }

        await migrator.MigrateAsync(all, CancellationToken.None);

        var record = Assert.Single(await new AttemptStore(db.DataSource, _clock).ListAsync(drain.Id, CancellationToken.None));
        Assert.Equal((AttemptKind.Migration, 1, false), (record.Kind, record.WaveNumber, record.IsRestart));
    }
}
