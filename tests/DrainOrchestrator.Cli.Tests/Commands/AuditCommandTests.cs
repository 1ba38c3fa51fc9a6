using Dapper;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

public sealed class AuditCommandTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Verify_NeitherDrainNorAll_BadInput()
    {
        var run = await DrainctlRun.RunAsync("audit", "verify", "--db", database.ConnectionString);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("name one drain or give --all", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnknownDrain_BadInputNamingIt()
    {
        var run = await DrainctlRun.RunAsync("audit", "verify", "no-such-drain", "--db", database.ConnectionString);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no-such-drain", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MalformedAnchorsFile_BadInputNamingTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"anchors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\"format\": \"other\", \"anchors\": []}");
        try
        {
            var run = await DrainctlRun.RunAsync("audit", "verify", "--all", "--anchors", file, "--db", database.ConnectionString);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains(file, run.Error, StringComparison.Ordinal);
            Assert.Contains("expected 'drain-journal-anchors/v1'", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Verify_RecordDeletedAsSuperuser_Exit4NamingTheGap()
    {
        var id = Guid.NewGuid();
        await new DrainStore(database.DataSource, TimeProvider.System).CreateAsync(
            new NewDrain(id, "audited-" + id.ToString("N")[..8], "c-" + id.ToString("N")[..8], ["worker-1"], "{}", "test"), CancellationToken.None);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO event_journal (drain_id, occurred_at, kind, actor, payload) VALUES (@id, now(), 'step.completed', 'test', jsonb_build_object('step', @i))",
                    new { id, i });
            }
        }

        var intact = await DrainctlRun.RunAsync("audit", "verify", id.ToString(), "--db", database.ConnectionString);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("SET LOCAL session_replication_role = replica", transaction: transaction);
            await connection.ExecuteAsync("DELETE FROM event_journal WHERE drain_id = @id AND chain_position = 2", new { id }, transaction);
            await transaction.CommitAsync();
        }

        var broken = await DrainctlRun.RunAsync("audit", "verify", id.ToString(), "--output", "json", "--db", database.ConnectionString);

        Assert.Equal(ExitCodes.Success, intact.ExitCode);
        Assert.Equal(ExitCodes.LedgerBroken, broken.ExitCode);
        Assert.Contains("\"problem\": \"deleted\"", broken.Output, StringComparison.Ordinal);
        Assert.Contains("position 2 is missing", broken.Output, StringComparison.Ordinal);
    }
}
