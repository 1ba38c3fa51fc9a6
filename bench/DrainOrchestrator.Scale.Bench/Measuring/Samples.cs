namespace DrainOrchestrator.Scale.Bench.Measuring;

/// <summary>Summary statistics of repeated measurements (nearest-rank percentiles).</summary>
internal sealed record Samples(int Count, double Best, double Median, double P90, double P99, double Worst, double Mean)
{
    public static Samples Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Samples(0, 0, 0, 0, 0, 0, 0);
        }

        var sorted = values.Order().ToArray();
        return new Samples(sorted.Length, sorted[0], Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1],
            sorted.Average());
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
