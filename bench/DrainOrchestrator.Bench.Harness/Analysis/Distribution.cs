namespace DrainOrchestrator.Bench.Harness.Analysis;

/// <summary>Percentiles of a sample (nearest rank: the smallest value with at least p% of the sample at or below it), in milliseconds.</summary>
public sealed record Distribution(int Count, double P50, double P90, double P95, double P99, double Max, double Mean)
{
    public static readonly Distribution Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new Distribution(sorted.Length, Rank(50), Rank(90), Rank(95), Rank(99), sorted[^1], sorted.Average());
    }
}
