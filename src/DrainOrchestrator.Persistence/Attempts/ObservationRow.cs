using System.Text.Json;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>One observation as a JSON row of <see cref="AttemptStore.ObserveChange"/> (snake_case, as the SQL reads it).</summary>
internal sealed record ObservationRow(string VmimName, string Outcome, string? VmimUid, string? TargetNode, string? Mode,
    string? FailureClass, string? FailureReason, long? BytesTotal, long? BytesProcessed, string? Phases, DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? TargetAddress, string? MigrationNetwork, bool? OnMigrationNetwork)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
