using Dapper;
using DrainOrchestrator.Persistence.Migrations;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Persistence.Tests.Migrations;

public sealed class SchemaMigratorTests
{
    private static SchemaMigrator Migrator(ScratchDatabase db) =>
        new(db.DataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    private static MigrationSet CheckedIn() => MigrationSet.FromDirectory(RepositoryPaths.MigrationsSql);

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryFileAndRecordsHash()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        var files = CheckedIn();

        var result = await Migrator(db).MigrateAsync(files, CancellationToken.None);

        Assert.Equal(files.Scripts.Select(s => s.FileName), result.Applied);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var recorded = await connection.QueryAsync<(string FileName, string Sha256)>(
            "SELECT file_name, sha256 FROM schema_migrations ORDER BY version");
        Assert.Equal(files.Scripts.Select(s => (s.FileName, s.Sha256)), recorded);
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        await Migrator(db).MigrateAsync(CheckedIn(), CancellationToken.None);

        var second = await Migrator(db).MigrateAsync(CheckedIn(), CancellationToken.None);

        Assert.Empty(second.Applied);
        Assert.Equal(CheckedIn().Scripts.Count, second.AlreadyApplied);
    }

    [Fact]
    public async Task MigrateAsync_AppliedFileChanged_RefusesNamingFile()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        var directory = CopyOfCheckedIn();
        try
        {
            await Migrator(db).MigrateAsync(MigrationSet.FromDirectory(directory), CancellationToken.None);
            var first = Directory.GetFiles(directory, "0001_*.sql").Single();
            await File.AppendAllTextAsync(first, "\n-- an edit after the fact\n");

            var ex = await Assert.ThrowsAsync<SchemaMigrationException>(() =>
                Migrator(db).MigrateAsync(MigrationSet.FromDirectory(directory), CancellationToken.None));

            Assert.Equal(Path.GetFileName(first), ex.FileName);
            Assert.Contains(Path.GetFileName(first), ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentMigrators_ApplyEachFileExactlyOnce()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        // Each file fails if run twice (CREATE TABLE without IF NOT EXISTS), and pg_sleep widens the race window.
        var files = MigrationSet.Create(Enumerable.Range(1, 5).Select(i => MigrationScript.FromBytes(
            $"{i:D4}_step_{i}.sql",
            System.Text.Encoding.UTF8.GetBytes($"SELECT pg_sleep(0.05); CREATE TABLE step_{i} (id int);"))), "test");

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => Migrator(db).MigrateAsync(files, CancellationToken.None))));

        var applied = results.SelectMany(r => r.Applied).ToList();
        Assert.Equal(files.Scripts.Select(s => s.FileName).Order(), applied.Order());
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_FailingFile_RolledBackAndNamed()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        var files = MigrationSet.Create(
        [
            MigrationScript.FromBytes("0001_good.sql", "CREATE TABLE good (id int);"u8.ToArray()),
            MigrationScript.FromBytes("0002_bad.sql", "CREATE TABLE half (id int); SELECT no_such_column FROM good;"u8.ToArray()),
        ], "test");

        var ex = await Assert.ThrowsAsync<SchemaMigrationException>(() => Migrator(db).MigrateAsync(files, CancellationToken.None));

        Assert.Equal("0002_bad.sql", ex.FileName);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('half') IS NOT NULL"));
        Assert.Equal(["0001_good.sql"], await connection.QueryAsync<string>("SELECT file_name FROM schema_migrations"));
    }

    private static string CopyOfCheckedIn()
    {
        var directory = Directory.CreateTempSubdirectory("migrations-").FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.MigrationsSql, "*.sql"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }
}
