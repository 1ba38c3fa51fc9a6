using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// An attempt as it reads once the observation of its end is recorded (the same rules as
/// <see cref="AttemptStore.ObserveAsync"/>: new values win where given, first times are kept, the engine's clock concludes
/// it), so the scheduler can decide on a freed slot before that write: the write follows in the same pass.
/// </summary>
internal static class ObservedRecord
{
    /// <summary>The record once <paramref name="observation"/> is recorded on it: a final record never changes.</summary>
    public static AttemptRecord Applied(AttemptRecord record, AttemptObservation observation, DateTimeOffset now)
    {
        if (record.IsFinal)
        {
            return record;
        }

        return observation.Outcome.IsFinal()
            ? Ended(record, observation, now)
            : Ended(record, observation, now) with { FinishedAt = record.FinishedAt ?? observation.FinishedAt, ConcludedAt = null };
    }

    public static AttemptRecord Ended(AttemptRecord record, AttemptObservation observation, DateTimeOffset now) => record with
    {
        Outcome = observation.Outcome,
        VmimUid = observation.VmimUid ?? record.VmimUid,
        TargetNode = observation.TargetNode ?? record.TargetNode,
        Mode = observation.Mode ?? record.Mode,
        FailureClass = observation.FailureClass ?? record.FailureClass,
        FailureReason = observation.FailureReason ?? record.FailureReason,
        BytesTotal = observation.BytesTotal ?? record.BytesTotal,
        BytesProcessed = observation.BytesProcessed ?? record.BytesProcessed,
        PhaseTimestampsJson = observation.PhaseTimestampsJson ?? record.PhaseTimestampsJson,
        CreatedAt = record.CreatedAt ?? observation.CreatedAt,
        StartedAt = record.StartedAt ?? observation.StartedAt,
        FinishedAt = record.FinishedAt ?? NoEarlierThanItsStart(observation.FinishedAt ?? now, record.StartedAt ?? observation.StartedAt,
            record.CreatedAt ?? observation.CreatedAt),
        ConcludedAt = now,
        Network = observation.Network ?? record.Network,
    };

    // As AttemptStore stamps it: a finish (the engine's clock for an abort) never before the start or the creation (the cluster's).
    private static DateTimeOffset NoEarlierThanItsStart(DateTimeOffset finish, DateTimeOffset? started, DateTimeOffset? created) =>
        new[] { finish, started ?? finish, created ?? finish }.Max();
}
