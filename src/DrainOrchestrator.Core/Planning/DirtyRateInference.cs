namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// The dirty rate a finished pre-copy implies: the rate at which the cost model's rounds (no working set known) take as
/// long as the transfer took at the bandwidth it got. The inverse of <see cref="MigrationCostModel.Estimate"/>'s
/// pre-copy branch, found by bisection (the time grows with the dirty rate).
/// </summary>
public static class DirtyRateInference
{
    // What a transfer's observed time holds beyond the rounds: the hand-off and the cluster's own reporting granularity.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    // Above this fraction of the bandwidth the rounds barely converge: the inference says no more than that.
    private const double MaxFraction = 0.995;

    /// <summary>
    /// The dirty rate (bytes/s) under which <paramref name="memoryBytes"/> sent at <paramref name="bandwidth"/> with
    /// <paramref name="maxDowntime"/> takes <paramref name="seconds"/>; 0 when the transfer was no slower than one pass
    /// of the memory (nothing measurable was re-sent).
    /// </summary>
    public static long FromPreCopy(long memoryBytes, double seconds, long bandwidth, TimeSpan maxDowntime)
    {
        double memory = Math.Max(0, memoryBytes);
        double rate = Math.Max(1, bandwidth);
        var threshold = rate * maxDowntime.TotalSeconds;
        var target = seconds - Slack.TotalSeconds;
        if (memory <= threshold || target <= memory / rate)
        {
            return 0;
        }

        if (Seconds(memory, rate, threshold, MaxFraction) <= target)
        {
            return (long)(MaxFraction * rate);
        }

        double low = 0, high = MaxFraction;
        for (var i = 0; i < 60 && high - low > 1e-6; i++)
        {
            var mid = (low + high) / 2;
            if (Seconds(memory, rate, threshold, mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (long)(high * rate);
    }

    // The cost model's rounds: until the remainder M*q^k fits in the downtime.
    private static double Seconds(double memory, double rate, double threshold, double q)
    {
        if (q <= 0)
        {
            return memory / rate;
        }

        var rounds = Math.Max(1, Math.Ceiling(Math.Log(threshold / memory) / Math.Log(q)));
        return memory * (1 - Math.Pow(q, rounds + 1)) / (1 - q) / rate;
    }
}
