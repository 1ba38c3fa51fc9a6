using System.Text.Json;
using DrainOrchestrator.Persistence.Fencing;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>The attempt writes of the engine's hot path, as parts of one fenced statement (<see cref="FencedStatement"/>).</summary>
public sealed partial class AttemptStore
{
    /// <summary>The prefix of <see cref="IntendChange"/>, under which the new row's id is returned.</summary>
    public const string IntendPrefix = "intent_";

    /// <summary>Records the intent (as <see cref="InsertIntendedAsync"/>); the new row's id is returned under <see cref="IntendPrefix"/>.</summary>
    public static FencedChange IntendChange(NewAttempt attempt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new FencedChange(
            """
            INSERT INTO migration_attempts (drain_id, wave_number, attempt, vmi_namespace, vmi_name, vmi_uid, source_node,
                                            target_node, vmim_name, post_copy, kind, outcome, intended_at)
            SELECT @intent_drain, CASE WHEN @intent_kind = 'restart' THEN NULL ELSE @intent_wave END, @intent_attempt, @intent_ns,
                   @intent_vmi, @intent_uid, @intent_source, @intent_target, @intent_vmim, @intent_post_copy, @intent_kind, 'intended', @intent_now
             WHERE {fence}
            """,
            IntendPrefix,
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["intent_drain"] = attempt.DrainId,
                ["intent_wave"] = attempt.WaveNumber,
                ["intent_attempt"] = attempt.Attempt,
                ["intent_ns"] = attempt.VmiNamespace,
                ["intent_vmi"] = attempt.VmiName,
                ["intent_uid"] = attempt.VmiUid,
                ["intent_source"] = attempt.SourceNode,
                ["intent_target"] = attempt.TargetNode,
                ["intent_vmim"] = attempt.VmimName,
                ["intent_post_copy"] = attempt.PostCopy,
                ["intent_kind"] = attempt.Kind.ToDatabase(),
                ["intent_now"] = now,
            },
            Returning: "id");
    }

    /// <summary>
    /// Records observations of several attempts (each name at most once), with the rules of <see cref="ObserveAsync"/>:
    /// null fields keep what the row holds, a final outcome is never replaced, a final one concludes at <paramref name="now"/>.
    /// </summary>
    public static FencedChange ObserveChange(IReadOnlyList<(string VmimName, AttemptObservation Observation)> observations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Select(o => o.VmimName).Distinct(StringComparer.Ordinal).Count() != observations.Count)
        {
            throw new ArgumentException("Each attempt may be observed once per statement: a row is updated at most once.", nameof(observations));
        }

        var rows = observations.Select(o => new ObservationRow(o.VmimName, o.Observation.Outcome.ToDatabase(), o.Observation.VmimUid,
            o.Observation.TargetNode, o.Observation.Mode, o.Observation.FailureClass, o.Observation.FailureReason, o.Observation.BytesTotal,
            o.Observation.BytesProcessed, o.Observation.PhaseTimestampsJson, o.Observation.CreatedAt, o.Observation.StartedAt,
            o.Observation.FinishedAt ?? (o.Observation.Outcome.IsFinal() ? now : null), o.Observation.Network?.TargetAddress,
            o.Observation.Network?.MigrationNetwork, o.Observation.Network?.OnMigrationNetwork));
        return new FencedChange(
            """
            UPDATE migration_attempts a
               SET outcome = o.outcome,
                   vmim_uid = COALESCE(o.vmim_uid, a.vmim_uid),
                   target_node = COALESCE(o.target_node, a.target_node),
                   mode = COALESCE(o.mode, a.mode),
                   failure_class = COALESCE(o.failure_class, a.failure_class),
                   failure_reason = COALESCE(o.failure_reason, a.failure_reason),
                   bytes_total = COALESCE(o.bytes_total, a.bytes_total),
                   bytes_processed = COALESCE(o.bytes_processed, a.bytes_processed),
                   phase_timestamps = COALESCE(o.phases::jsonb, a.phase_timestamps),
                   created_at = COALESCE(a.created_at, o.created_at),
                   started_at = COALESCE(a.started_at, o.started_at),
                   finished_at = COALESCE(a.finished_at, CASE WHEN o.finished_at IS NOT NULL
                                 THEN GREATEST(o.finished_at, COALESCE(a.started_at, o.started_at), COALESCE(a.created_at, o.created_at)) END),
                   target_address = COALESCE(o.target_address, a.target_address),
                   migration_network = COALESCE(o.migration_network, a.migration_network),
                   on_migration_network = COALESCE(o.on_migration_network, a.on_migration_network),
                   concluded_at = CASE WHEN o.outcome IN ('succeeded', 'failed', 'aborted', 'not_created') THEN @obs_now END
              FROM jsonb_to_recordset(@obs_rows::jsonb) AS o(vmim_name text, outcome text, vmim_uid text, target_node text, mode text,
                   failure_class text, failure_reason text, bytes_total bigint, bytes_processed bigint, phases text,
                   created_at timestamptz, started_at timestamptz, finished_at timestamptz, target_address text,
                   migration_network text, on_migration_network boolean)
             WHERE a.vmim_name = o.vmim_name
               AND a.outcome NOT IN ('succeeded', 'failed', 'aborted', 'not_created')
               AND {fence}
            """,
            "obs_",
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["obs_rows"] = JsonSerializer.Serialize(rows, ObservationRow.Json),
                ["obs_now"] = now,
            });
    }
}
