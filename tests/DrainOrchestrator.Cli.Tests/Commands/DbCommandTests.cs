using Dapper;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

public sealed class DbCommandTests
{
    [Fact]
    public async Task Migrate_WithDb_AppliesThenReportsUpToDate()
    {
        await using var db = await ScratchDatabase.CreateAsync();

        var first = await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString);
        var second = await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("0001_drain_schema.sql", first.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("Schema up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_AppliedFileDiffersFromRecord_RefusesNamingFile()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET sha256 = repeat('0', 64) WHERE version = 1");
        }

        var run = await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("0001_drain_schema.sql", run.Error, StringComparison.Ordinal);
        Assert.Contains("changed after it was applied", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterMigrate_ListsAppliedFiles()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString);

        var run = await DrainctlRun.RunAsync("db", "status", "--db", db.ConnectionString);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"0001_drain_schema\.sql\s+applied", run.Output);
    }

    [Fact]
    public async Task Migrate_MalformedConnectionString_BadInputWithHint()
    {
        var run = await DrainctlRun.RunAsync("db", "migrate", "--db", "definitely not key value pairs");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Host=", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_UnreachableServer_UnfinishedSayingRetryMayHelp()
    {
        var run = await DrainctlRun.RunAsync("db", "migrate", "--db", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2");

        Assert.Equal(ExitCodes.Unfinished, run.ExitCode);
        Assert.Contains("could not be reached", run.Error, StringComparison.Ordinal);
        Assert.Contains("may succeed if tried again", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_ADatabaseThatDoesNotExist_BadInputNamingWhatToCheck()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = "no_such_database_" + Guid.NewGuid().ToString("N")[..8] };

        var run = await DrainctlRun.RunAsync("db", "migrate", "--db", missing.ConnectionString);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("3D000", run.Error, StringComparison.Ordinal);
        Assert.Contains("check the user, the password and the database name", run.Error, StringComparison.Ordinal);
    }
}
