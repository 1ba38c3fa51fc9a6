using Dapper;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Audit;

/// <summary>
/// The tamper-evident ledger as an auditor uses it: a real drain on drain-sim, <c>drainctl audit anchors</c> kept in a
/// file, <c>drainctl audit verify</c> passing, then one journal record changed as the superuser and verify failing with
/// exit 4 and naming it.
/// </summary>
public sealed class AuditVerifyTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task AuditVerify_AfterADrain_IntactThenBrokenByAnUpdateNamingTheRecord()
    {
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", 25);
        var (drained, drainOutput) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1",
            "--retry-backoff-seconds", "1", "--db", database.ConnectionString);
        Assert.True(drained == 0, drainOutput);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var anchorsFile = Path.Combine(Path.GetTempPath(), $"anchors-{Guid.NewGuid():N}.json");
        try
        {
            var (exported, anchors) = await Drainctl.RunAsync("audit", "anchors", drain.Name, "--output", "json", "--db", database.ConnectionString);
            Assert.True(exported == 0, anchors);
            Assert.Contains("\"reason\": \"wave 1 finished\"", anchors, StringComparison.Ordinal);
            Assert.Contains("\"reason\": \"drain succeeded\"", anchors, StringComparison.Ordinal);
            await File.WriteAllTextAsync(anchorsFile, anchors);

            var (intact, intactOutput) = await Drainctl.RunAsync("audit", "verify", drain.Name, "--anchors", anchorsFile, "--db", database.ConnectionString);
            Assert.True(intact == 0, intactOutput);
            Assert.Contains($"drain {drain.Id:D}: intact", intactOutput, StringComparison.Ordinal);

            var (seq, kind) = await TamperWithOneRecordAsync(drain.Id);
            var (broken, brokenOutput) = await Drainctl.RunAsync("audit", "verify", "--all", "--anchors", anchorsFile, "--db", database.ConnectionString);

            Assert.True(broken == 4, brokenOutput);
            Assert.Contains($"drain {drain.Id:D}: BROKEN at seq {seq} (position ", brokenOutput, StringComparison.Ordinal);
            Assert.Contains($", {kind}): altered", brokenOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(anchorsFile);
        }
    }

    // As the superuser who owns the server: the append-only trigger switched off for the session, one payload rewritten.
    private async Task<(long Seq, string Kind)> TamperWithOneRecordAsync(Guid drainId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL session_replication_role = replica", transaction: transaction);
        var record = await connection.QuerySingleAsync<(long Seq, string Kind)>(
            """
            UPDATE event_journal SET payload = payload || '{"rewritten": true}'
             WHERE seq = (SELECT seq FROM event_journal WHERE drain_id = @drainId AND kind = 'attempt.succeeded' ORDER BY seq LIMIT 1)
            RETURNING seq, kind
            """,
            new { drainId },
            transaction);
        await transaction.CommitAsync();
        return record;
    }
}
