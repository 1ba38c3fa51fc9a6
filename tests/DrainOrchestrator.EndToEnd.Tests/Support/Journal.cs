using Dapper;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>Counts read straight from the journal, to prove no record was lost.</summary>
internal static class Journal
{
    public static async Task<int> CountAsync(NpgsqlDataSource dataSource, Guid drainId, string kind)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM event_journal WHERE drain_id = @drainId AND kind = @kind", new { drainId, kind });
    }

    /// <summary>The fencing epoch of every journal entry written under the lease, in journal order: a stale owner writing
    /// after a newer one took over would show as a step down.</summary>
    public static async Task<IReadOnlyList<long>> EpochsInOrderAsync(NpgsqlDataSource dataSource, Guid drainId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<long>(
            "SELECT lease_epoch FROM event_journal WHERE drain_id = @drainId AND lease_epoch IS NOT NULL ORDER BY seq", new { drainId })];
    }
}
