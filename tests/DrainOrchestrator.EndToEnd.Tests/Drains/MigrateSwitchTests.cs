using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// <c>DRAIN_DB_MIGRATE=false</c> leaves the schema to its owner for every drainctl command, as README says (only the
/// server honoured it: the other commands migrated regardless).
/// </summary>
public sealed class MigrateSwitchTests
{
    [Fact]
    public async Task Status_MigrateOffOnAnEmptyDatabase_AppliesNothing()
    {
        await using var db = await ScratchDatabase.CreateAsync();

        var (code, output) = await Drainctl.RunAsync(new Dictionary<string, string> { ["DRAIN_DB_MIGRATE"] = "false" }, "status", "--db", db.ConnectionString);

        Assert.True(code != 0, output);
        await using var command = db.DataSource.CreateCommand("SELECT to_regclass('public.drains') IS NULL");
        Assert.True((bool)(await command.ExecuteScalarAsync())!, "drainctl status applied the schema although DRAIN_DB_MIGRATE=false");
    }
}
