using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>
/// Evacuations in PostgreSQL (migrations-sql/0017, cancel 0018): the instance row, its VMs and its append-only journal. Reads are
/// plain; the writes an owner makes are fenced by its lease (the lease check runs inside the write's own statement).
/// </summary>
public sealed partial class EvacuationStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        id AS Id, source_cluster AS SourceCluster, source_namespace AS SourceNamespace, target_cluster AS TargetCluster,
        target_namespace AS TargetNamespace, storage_class AS StorageClass, max_attempts AS MaxAttempts, keep_receivers AS KeepReceivers,
        state AS State, created_at AS CreatedAt, created_by AS CreatedBy, finished_at AS FinishedAt, error AS Error
        """;

    private const string VmColumns =
        """
        vm_name AS VmName, vm_uid AS VmUid, wave AS Wave, position AS Position, memory_bytes AS MemoryBytes, disk_bytes AS DiskBytes,
        state AS State, attempt AS Attempt, source_node AS SourceNode, target_node AS TargetNode, failure AS Failure,
        started_at AS StartedAt, finished_at AS FinishedAt
        """;

    /// <summary>
    /// Records <paramref name="evacuation"/> with its plan, or returns the unfinished (running or cancelling) evacuation of
    /// the same source namespace when there is one (<c>Attached</c> true): running the same command again resumes it.
    /// </summary>
    public async Task<(EvacuationRecord Record, bool Attached)> CreateOrAttachAsync(NewEvacuation evacuation, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evacuation);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises starts per source namespace, so two starts at once attach to one evacuation.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext(@key))",
            new { key = "evacuation:" + evacuation.SourceCluster + "/" + evacuation.SourceNamespace }, transaction,
            cancellationToken: cancellationToken));
        var running = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM evacuations WHERE source_cluster = @SourceCluster AND source_namespace = @SourceNamespace AND state IN ('running', 'cancelling')",
            evacuation, transaction, cancellationToken: cancellationToken));
        if (running is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return (running.ToRecord(), true);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO evacuations (id, source_cluster, source_namespace, target_cluster, target_namespace, storage_class, max_attempts,
                                     keep_receivers, state, created_at, created_by)
            VALUES (@Id, @SourceCluster, @SourceNamespace, @TargetCluster, @TargetNamespace, @StorageClass, @MaxAttempts, @KeepReceivers,
                    'running', @now, @CreatedBy)
            """,
            new
            {
                evacuation.Id,
                evacuation.SourceCluster,
                evacuation.SourceNamespace,
                evacuation.TargetCluster,
                evacuation.TargetNamespace,
                evacuation.StorageClass,
                evacuation.MaxAttempts,
                evacuation.KeepReceivers,
                now,
                evacuation.CreatedBy,
            },
            transaction, cancellationToken: cancellationToken));
        foreach (var vm in evacuation.Vms)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO evacuation_vms (evacuation_id, vm_name, vm_uid, wave, position, memory_bytes, disk_bytes, state)
                VALUES (@id, @VmName, @VmUid, @Wave, @Position, @MemoryBytes, @DiskBytes, 'planned')
                """,
                new { id = evacuation.Id, vm.VmName, vm.VmUid, vm.Wave, vm.Position, vm.MemoryBytes, vm.DiskBytes },
                transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO evacuation_journal (evacuation_id, kind, lease_epoch, occurred_at, detail)
            VALUES (@id, @kind, 0, @now, @detail)
            """,
            new
            {
                id = evacuation.Id,
                kind = EvacuationJournalKinds.Planned,
                now,
                detail = $"{evacuation.Vms.Count} VM(s) from {evacuation.SourceNamespace} on {evacuation.SourceCluster} to "
                    + $"{evacuation.TargetNamespace} on {evacuation.TargetCluster}",
            },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        var created = await GetAsync(evacuation.Id, cancellationToken);
        return (created!, false);
    }

    /// <summary>An evacuation by id; null when there is none.</summary>
    public async Task<EvacuationRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM evacuations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>Every evacuation, newest first.</summary>
    public async Task<IReadOnlyList<EvacuationRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM evacuations ORDER BY created_at DESC, id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>The VMs of an evacuation in planned order.</summary>
    public async Task<IReadOnlyList<EvacuationVmRecord>> VmsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<VmRow>(new CommandDefinition(
            $"SELECT {VmColumns} FROM evacuation_vms WHERE evacuation_id = @id ORDER BY wave, position", new { id },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>The journal of an evacuation in order.</summary>
    public async Task<IReadOnlyList<EvacuationJournalEntry>> JournalAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<JournalRow>(new CommandDefinition(
            """
            SELECT seq AS Seq, vm_name AS VmName, attempt AS Attempt, kind AS Kind, side AS Side, object_name AS ObjectName,
                   lease_epoch AS LeaseEpoch, occurred_at AS OccurredAt, detail AS Detail
              FROM evacuation_journal WHERE evacuation_id = @id ORDER BY seq
            """, new { id }, cancellationToken: cancellationToken));
        return rows.Select(r => new EvacuationJournalEntry(r.Seq, r.VmName, r.Attempt, r.Kind, r.Side, r.ObjectName, r.LeaseEpoch,
            Utc(r.OccurredAt), r.Detail)).ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private sealed record Row(Guid Id, string SourceCluster, string SourceNamespace, string TargetCluster, string TargetNamespace,
        string? StorageClass, int MaxAttempts, bool KeepReceivers, string State, DateTime CreatedAt, string CreatedBy, DateTime? FinishedAt,
        string? Error)
    {
        public EvacuationRecord ToRecord() => new(Id, SourceCluster, SourceNamespace, TargetCluster, TargetNamespace, StorageClass,
            MaxAttempts, KeepReceivers, EvacuationWords.EvacuationStateOf(State), Utc(CreatedAt), CreatedBy, Utc(FinishedAt), Error);
    }

    private sealed record VmRow(string VmName, string VmUid, int Wave, int Position, long MemoryBytes, long DiskBytes, string State,
        int Attempt, string? SourceNode, string? TargetNode, string? Failure, DateTime? StartedAt, DateTime? FinishedAt)
    {
        public EvacuationVmRecord ToRecord() => new(VmName, VmUid, Wave, Position, MemoryBytes, DiskBytes, EvacuationWords.VmStateOf(State),
            Attempt, SourceNode, TargetNode, Failure, Utc(StartedAt), Utc(FinishedAt));
    }

    private sealed record JournalRow(long Seq, string? VmName, int? Attempt, string Kind, string? Side, string? ObjectName, long LeaseEpoch,
        DateTime OccurredAt, string? Detail);
}
