using System.Data;
using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Audit;

/// <summary>
/// Reads what the ledger's verifier needs: a chain's records as stored (streamed, in seq order), its head and its
/// anchors, and every chain there is. Read-only: the links are written by the journal's trigger at append.
/// </summary>
public sealed class AuditStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Verifies <paramref name="chain"/> against its head, its stored anchors and <paramref name="kept"/> (anchors kept
    /// outside the database), reading all of them in one snapshot: appends that commit meanwhile are not half seen.
    /// </summary>
    public async Task<ChainVerdict> VerifyAsync(ChainKey chain, IEnumerable<JournalAnchor> kept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(kept);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var head = await ReadHeadAsync(connection, chain, cancellationToken);
        var anchors = (await ReadAnchorsAsync(connection, chain, cancellationToken)).Concat(kept.Where(a => a.Chain == chain)).ToList();
        return await ChainVerifier.VerifyAsync(chain, ReadChainAsync(connection, chain, cancellationToken), head, anchors, cancellationToken);
    }

    /// <summary>The records of <paramref name="chain"/> in seq order, streamed from one query.</summary>
    public async IAsyncEnumerable<ChainRecord> ReadChainAsync(ChainKey chain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await foreach (var record in ReadChainAsync(connection, chain, cancellationToken))
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<ChainRecord> ReadChainAsync(NpgsqlConnection connection, ChainKey chain,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT seq, chain_position, kind, actor, lease_epoch, occurred_at, payload::text, chain_hash
              FROM event_journal WHERE {Where(chain.Scope)} ORDER BY seq
            """,
            connection);
        command.Parameters.AddWithValue("id", chain.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ChainRecord(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)),
                reader.GetString(6),
                (byte[])reader.GetValue(7));
        }
    }

    /// <summary>The head of <paramref name="chain"/>; null when it has none.</summary>
    public async Task<ChainHead?> ReadHeadAsync(ChainKey chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadHeadAsync(connection, chain, cancellationToken);
    }

    private static async Task<ChainHead?> ReadHeadAsync(NpgsqlConnection connection, ChainKey chain, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Seq, long Position, byte[] Hash)?>(new CommandDefinition(
            "SELECT last_seq, last_position, last_hash FROM journal_heads WHERE scope = @scope AND scope_id = @id",
            new { scope = ChainScopes.Word(chain.Scope), id = chain.Id },
            cancellationToken: cancellationToken));
        return row is { } r ? new ChainHead(chain, r.Seq, r.Position, r.Hash) : null;
    }

    /// <summary>The anchors of <paramref name="chain"/>, or of every chain when it is null, in chain and position order.</summary>
    public async Task<IReadOnlyList<JournalAnchor>> ReadAnchorsAsync(ChainKey? chain, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAnchorsAsync(connection, chain, cancellationToken);
    }

    private static async Task<IReadOnlyList<JournalAnchor>> ReadAnchorsAsync(NpgsqlConnection connection, ChainKey? chain,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Scope, Guid Id, long Seq, long Position, byte[] Hash, string Reason, DateTime RecordedAt)>(
            new CommandDefinition(
                $"""
                SELECT scope, scope_id, seq, position, hash, reason, recorded_at FROM journal_anchors
                {(chain is null ? string.Empty : "WHERE scope = @scope AND scope_id = @id")}
                ORDER BY scope, scope_id, position
                """,
                new { scope = chain is null ? null : ChainScopes.Word(chain.Scope), id = chain?.Id },
                cancellationToken: cancellationToken));
        return [.. rows.Select(r => new JournalAnchor(new ChainKey(ChainScopes.Parse(r.Scope), r.Id), r.Seq, r.Position, r.Hash, r.Reason,
            new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc))))];
    }

    /// <summary>
    /// Every chain to verify: those with a head, every drain and workflow instance (a deleted head must not hide a
    /// chain), and the chain of records of neither when there is one.
    /// </summary>
    public async Task<IReadOnlyList<ChainKey>> ListChainsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Scope, Guid Id)>(new CommandDefinition(
            """
            SELECT scope, scope_id FROM journal_heads
            UNION SELECT 'drain', id FROM drains
            UNION SELECT 'workflow', id FROM workflow_instances
            UNION SELECT 'none', '00000000-0000-0000-0000-000000000000'::uuid
             WHERE EXISTS (SELECT 1 FROM event_journal WHERE drain_id IS NULL AND workflow_instance_id IS NULL)
            ORDER BY 1, 2
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ChainKey(ChainScopes.Parse(r.Scope), r.Id))];
    }

    private static string Where(ChainScope scope) => scope switch
    {
        ChainScope.Drain => "drain_id = @id",
        ChainScope.Workflow => "workflow_instance_id = @id AND drain_id IS NULL",
        ChainScope.None => "drain_id IS NULL AND workflow_instance_id IS NULL AND @id = '00000000-0000-0000-0000-000000000000'::uuid",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown chain scope."),
    };
}
