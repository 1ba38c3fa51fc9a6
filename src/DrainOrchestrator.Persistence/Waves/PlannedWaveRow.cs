namespace DrainOrchestrator.Persistence.Waves;

/// <summary>A wave to record from a plan.</summary>
/// <param name="WaveNumber">1-based wave number.</param>
/// <param name="PlannedSize">How many migrations it holds.</param>
public sealed record PlannedWaveRow(int WaveNumber, int PlannedSize);
