namespace DrainOrchestrator.Persistence.Waves;

/// <summary>A wave that finished, named by its drain and number.</summary>
/// <param name="DrainId">The drain it belongs to.</param>
/// <param name="WaveNumber">Its number in that drain.</param>
/// <param name="FinishedAt">When its last migration ended.</param>
public sealed record CompletedWave(Guid DrainId, int WaveNumber, DateTimeOffset FinishedAt);
