namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>Row mapping of the attempts table.</summary>
public sealed partial class AttemptStore
{
    private const string Columns =
        """
        id AS Id, drain_id AS DrainId, COALESCE(wave_number, 0) AS WaveNumber, attempt AS Attempt, vmi_namespace AS VmiNamespace,
        vmi_name AS VmiName, vmi_uid AS VmiUid, source_node AS SourceNode, target_node AS TargetNode, vmim_name AS VmimName,
        vmim_uid AS VmimUid, mode AS Mode, outcome AS Outcome, failure_class AS FailureClass, failure_reason AS FailureReason,
        bytes_total AS BytesTotal, bytes_processed AS BytesProcessed, phase_timestamps::text AS PhaseTimestampsJson,
        post_copy AS PostCopy, intended_at AS IntendedAt, created_at AS CreatedAt, started_at AS StartedAt,
        finished_at AS FinishedAt, concluded_at AS ConcludedAt, kind AS Kind, target_address AS TargetAddress,
        migration_network AS MigrationNetwork, on_migration_network AS OnMigrationNetwork
        """;

    private sealed record Row(long Id, Guid DrainId, int WaveNumber, int Attempt, string VmiNamespace, string VmiName,
        string VmiUid, string SourceNode, string? TargetNode, string VmimName, string? VmimUid, string? Mode, string Outcome,
        string? FailureClass, string? FailureReason, long? BytesTotal, long? BytesProcessed, string PhaseTimestampsJson,
        bool PostCopy, DateTime IntendedAt, DateTime? CreatedAt, DateTime? StartedAt, DateTime? FinishedAt,
        DateTime? ConcludedAt, string Kind, string? TargetAddress, string? MigrationNetwork, bool? OnMigrationNetwork)
    {
        public AttemptRecord ToRecord() => new(Id, DrainId, WaveNumber, Attempt, VmiNamespace, VmiName, VmiUid, SourceNode,
            TargetNode, VmimName, VmimUid, Mode, AttemptOutcomes.Parse(Outcome), FailureClass, FailureReason, BytesTotal, BytesProcessed,
            PhaseTimestampsJson, PostCopy, Utc(IntendedAt), UtcOrNull(CreatedAt), UtcOrNull(StartedAt), UtcOrNull(FinishedAt),
            UtcOrNull(ConcludedAt), AttemptKinds.Parse(Kind))
        {
            Network = TargetAddress is null && MigrationNetwork is null ? null : new AttemptNetwork(TargetAddress, MigrationNetwork, OnMigrationNetwork),
        };
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? UtcOrNull(DateTime? value) => value is { } v ? Utc(v) : null;
}
