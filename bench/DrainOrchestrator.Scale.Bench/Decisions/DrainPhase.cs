namespace DrainOrchestrator.Scale.Bench.Decisions;

/// <summary>A point in a drain at which decisions are measured: the share of migrations already finished.</summary>
internal sealed record DrainPhase(string Name, double DoneFraction)
{
    /// <summary>The start, mid-drain (half finished, a full set in flight) and near the end (2% left).</summary>
    public static IReadOnlyList<DrainPhase> Standard { get; } = [new("start", 0), new("mid", 0.5), new("end", 0.98)];
}
