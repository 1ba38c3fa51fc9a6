using Dapper;
using DrainOrchestrator.Persistence.Leases;

namespace DrainOrchestrator.Persistence.Evacuations;

public sealed partial class EvacuationStore
{
    // The lease check of every fenced write: FOR SHARE, so no take-over commits before the write does.
    private const string Fence =
        """
        WITH fence AS MATERIALIZED (
            SELECT 1 FROM leases
             WHERE name = @fence_name AND holder = @fence_holder AND epoch = @fence_epoch AND expires_at > statement_timestamp()
               FOR SHARE)
        """;

    private const string Append =
        """
        appended AS (
            INSERT INTO evacuation_journal (evacuation_id, vm_name, attempt, kind, side, object_name, lease_epoch, occurred_at, detail)
            SELECT @id, @vm, @attempt, @kind, @side, @object, @fence_epoch, @now, @detail FROM fence
            RETURNING seq)
        """;

    /// <summary>
    /// Appends <paramref name="entry"/> to the journal if <paramref name="lease"/> is still held; throws
    /// <see cref="LeaseLostException"/> otherwise. An intent (<c>*.intended</c>) for an object already intended is a
    /// unique violation: the same object is never intended twice.
    /// </summary>
    public Task AppendAsync(Lease lease, Guid id, EvacuationAppend entry, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunFencedAsync(lease, $"{Fence},\n{Append}\nSELECT count(*) FROM appended", id, entry, now, new DynamicParameters(), cancellationToken);

    /// <summary>Sets a VM's state, attempt, nodes and failure, and appends <paramref name="entry"/>, fenced by <paramref name="lease"/>.</summary>
    public Task UpdateVmAsync(Lease lease, Guid id, string vmName, EvacuationVmChange change, EvacuationAppend entry, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var parameters = new DynamicParameters(new
        {
            vm_name = vmName,
            vm_state = change.State.ToDatabase(),
            vm_attempt = change.Attempt,
            vm_source = change.SourceNode,
            vm_target = change.TargetNode,
            vm_failure = change.Failure,
            vm_started = change.Started,
            vm_finished = change.Finished,
        });
        return RunFencedAsync(lease,
            $"""
            {Fence},
            changed AS (
                UPDATE evacuation_vms
                   SET state = @vm_state, attempt = @vm_attempt,
                       source_node = COALESCE(@vm_source, source_node), target_node = COALESCE(@vm_target, target_node),
                       failure = @vm_failure,
                       started_at = CASE WHEN @vm_started THEN COALESCE(started_at, @now) ELSE started_at END,
                       finished_at = CASE WHEN @vm_finished THEN @now ELSE NULL END
                  FROM fence
                 WHERE evacuation_id = @id AND vm_name = @vm_name
                RETURNING 1),
            {Append}
            SELECT count(*) FROM appended
            """, id, entry, now, parameters, cancellationToken);
    }

    /// <summary>Ends the evacuation in <paramref name="state"/> (with <paramref name="error"/> when it failed), fenced.</summary>
    public Task FinishAsync(Lease lease, Guid id, EvacuationState state, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { ev_state = state.ToDatabase(), ev_error = error });
        return RunFencedAsync(lease,
            $"""
            {Fence},
            changed AS (
                UPDATE evacuations SET state = @ev_state, error = @ev_error, finished_at = @now
                  FROM fence WHERE id = @id AND state IN ('running', 'cancelling')
                RETURNING 1),
            {Append}
            SELECT count(*) FROM appended
            """, id, new EvacuationAppend(EvacuationJournalKinds.Finished, Detail: error ?? state.ToDatabase()), now, parameters,
            cancellationToken);
    }

    private async Task RunFencedAsync(Lease lease, string sql, Guid id, EvacuationAppend entry, DateTimeOffset now,
        DynamicParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(entry);
        parameters.AddDynamicParams(new
        {
            fence_name = lease.Name,
            fence_holder = lease.Holder,
            fence_epoch = lease.Epoch,
            id,
            vm = entry.VmName,
            attempt = entry.Attempt,
            kind = entry.Kind,
            side = entry.Side,
            @object = entry.ObjectName,
            now,
            detail = entry.Detail,
        });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var appended = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        if (appended != 1)
        {
            throw LeaseStore.Lost(lease);
        }
    }
}
