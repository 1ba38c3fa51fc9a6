using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>
/// Migration attempts: one row per VMIM the orchestrator creates, written (outcome <c>intended</c>) before the API
/// call, then updated from what the cluster shows. The unique VMIM name makes a second intent for the same attempt fail.
/// </summary>
public sealed partial class AttemptStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Records the intent to create a VMIM (or to delete a VMI for a restart); returns the new row's id.</summary>
    public async Task<long> InsertIntendedAsync(NpgsqlTransaction transaction, NewAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(attempt);
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO migration_attempts (drain_id, wave_number, attempt, vmi_namespace, vmi_name, vmi_uid, source_node,
                                            target_node, vmim_name, post_copy, kind, outcome, intended_at)
            VALUES (@DrainId, CASE WHEN @Kind = 'restart' THEN NULL ELSE @WaveNumber END, @Attempt, @VmiNamespace, @VmiName,
                    @VmiUid, @SourceNode, @TargetNode, @VmimName, @PostCopy, @Kind, 'intended', @now)
            RETURNING id
            """,
            new
            {
                attempt.DrainId,
                attempt.WaveNumber,
                attempt.Attempt,
                attempt.VmiNamespace,
                attempt.VmiName,
                attempt.VmiUid,
                attempt.SourceNode,
                attempt.TargetNode,
                attempt.VmimName,
                attempt.PostCopy,
                Kind = attempt.Kind.ToDatabase(),
                now = timeProvider.GetUtcNow(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records what the cluster shows about the attempt named <paramref name="vmimName"/>. Null fields keep what the row
    /// holds; a final outcome is never replaced. Returns false when the row was already final (or is unknown). A final
    /// outcome without the cluster's finish (an abort: the VMIM is gone) is stamped now by this process's clock, never
    /// before the attempt's recorded start or creation (the cluster's clock, which may run ahead).
    /// </summary>
    public async Task<bool> ObserveAsync(NpgsqlTransaction transaction, string vmimName, AttemptObservation observation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(observation);
        var now = timeProvider.GetUtcNow();
        var changed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE migration_attempts
               SET outcome = @Outcome,
                   vmim_uid = COALESCE(@VmimUid, vmim_uid),
                   target_node = COALESCE(@TargetNode, target_node),
                   mode = COALESCE(@Mode, mode),
                   failure_class = COALESCE(@FailureClass, failure_class),
                   failure_reason = COALESCE(@FailureReason, failure_reason),
                   bytes_total = COALESCE(@BytesTotal, bytes_total),
                   bytes_processed = COALESCE(@BytesProcessed, bytes_processed),
                   phase_timestamps = COALESCE(@PhaseTimestampsJson::jsonb, phase_timestamps),
                   created_at = COALESCE(created_at, @CreatedAt),
                   started_at = COALESCE(started_at, @StartedAt),
                   finished_at = COALESCE(finished_at, CASE WHEN @FinishedAt::timestamptz IS NOT NULL
                                 THEN GREATEST(@FinishedAt, COALESCE(started_at, @StartedAt), COALESCE(created_at, @CreatedAt)) END),
                   target_address = COALESCE(@TargetAddress, target_address),
                   migration_network = COALESCE(@MigrationNetwork, migration_network),
                   on_migration_network = COALESCE(@OnMigrationNetwork, on_migration_network),
                   concluded_at = CASE WHEN @Outcome IN ('succeeded', 'failed', 'aborted', 'not_created')
                                       THEN @now END
             WHERE vmim_name = @vmimName
               AND outcome NOT IN ('succeeded', 'failed', 'aborted', 'not_created')
            """,
            new
            {
                vmimName,
                Outcome = observation.Outcome.ToDatabase(),
                observation.VmimUid,
                observation.TargetNode,
                observation.Mode,
                observation.FailureClass,
                observation.FailureReason,
                observation.BytesTotal,
                observation.BytesProcessed,
                observation.PhaseTimestampsJson,
                observation.CreatedAt,
                observation.StartedAt,
                FinishedAt = observation.FinishedAt ?? (observation.Outcome.IsFinal() ? now : (DateTimeOffset?)null),
                observation.Network?.TargetAddress,
                observation.Network?.MigrationNetwork,
                observation.Network?.OnMigrationNetwork,
                now,
            },
            transaction,
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>
    /// Reopens an attempt recorded <c>not_created</c> whose VMIM (uid <paramref name="vmimUid"/>) exists after all: it is
    /// <c>created</c> again, its failure and end cleared. Returns false when the row is not <c>not_created</c>.
    /// </summary>
    public async Task<bool> ReopenAsync(NpgsqlTransaction transaction, string vmimName, string? vmimUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var changed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE migration_attempts
               SET outcome = 'created', vmim_uid = COALESCE(@vmimUid, vmim_uid), failure_class = NULL, failure_reason = NULL,
                   finished_at = NULL, concluded_at = NULL, created_at = COALESCE(created_at, @now)
             WHERE vmim_name = @vmimName AND outcome = 'not_created'
            """,
            new { vmimName, vmimUid, now = timeProvider.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Every attempt of a drain, by wave then in the order they were intended.</summary>
    public Task<IReadOnlyList<AttemptRecord>> ListAsync(Guid drainId, CancellationToken cancellationToken) =>
        ListAsync(Columns, drainId, cancellationToken);

    /// <summary>
    /// Every attempt of a drain as a report shows them, by wave then in the order they were intended: without the VMIM's
    /// uid (null) and its phase timestamps (<c>{}</c>), which no report shows and which would double what a report of
    /// 100,000 attempts holds.
    /// </summary>
    public Task<IReadOnlyList<AttemptRecord>> ListForReportAsync(Guid drainId, CancellationToken cancellationToken) =>
        ListAsync(ReportColumns, drainId, cancellationToken);

    private async Task<IReadOnlyList<AttemptRecord>> ListAsync(string columns, Guid drainId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {columns} FROM migration_attempts WHERE drain_id = @drainId ORDER BY wave_number, id", connection);
        command.Parameters.AddWithValue("drainId", drainId);
        var records = new List<AttemptRecord>();
        var shared = new StringPool();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader, shared));
        }

        return records;
    }
}
