namespace DrainOrchestrator.Persistence.Waves;

/// <summary>A planned wave as recorded.</summary>
/// <param name="WaveNumber">1-based wave number.</param>
/// <param name="Mode"><c>rolling</c> or <c>barrier</c>.</param>
/// <param name="PlannedSize">How many migrations the plan put in it.</param>
/// <param name="ClusterLimit">The cluster limit at planning time.</param>
/// <param name="PlannedAt">When it was planned.</param>
/// <param name="StartedAt">When its first migration was intended.</param>
/// <param name="FinishedAt">When its last migration ended.</param>
public sealed record WaveRecord(
    int WaveNumber, string Mode, int PlannedSize, int ClusterLimit, DateTimeOffset PlannedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
