using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Windows;

/// <summary>
/// The pessimistic prediction a window admits by: the cost model's estimate times a factor. Before there is history
/// the factor is <see cref="WindowPolicy.DefaultPessimism"/>; once <see cref="WindowPolicy.MinSamples"/> migrations
/// have finished it is the <see cref="WindowPolicy.Quantile"/> of their actual-over-predicted ratios, so a cluster
/// that migrates slower than the model thinks gets a larger factor and a faster one a smaller one.
/// </summary>
public static class PessimisticDuration
{
    /// <summary>The factor for <paramref name="samples"/> under <paramref name="policy"/>.</summary>
    public static double Factor(IReadOnlyCollection<DurationSample> samples, WindowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(policy);
        var ratios = samples.Where(s => s.Predicted > TimeSpan.Zero && s.Actual >= TimeSpan.Zero)
            .Select(s => s.Actual / s.Predicted)
            .Order()
            .ToList();
        if (ratios.Count < policy.MinSamples || ratios.Count == 0)
        {
            return policy.DefaultPessimism;
        }

        // The nearest-rank quantile: the smallest ratio at least the quantile's share of the samples do not exceed.
        var rank = (int)Math.Ceiling(policy.Quantile * ratios.Count);
        return ratios[Math.Clamp(rank, 1, ratios.Count) - 1];
    }

    /// <summary>The pessimistic duration of <paramref name="item"/>'s migration with <paramref name="factor"/>.</summary>
    public static TimeSpan Of(PlannedVmi item, double factor)
    {
        ArgumentNullException.ThrowIfNull(item);
        var predicted = item.Estimate.Duration;
        return predicted >= TimeSpan.MaxValue / Math.Max(1, factor) ? TimeSpan.MaxValue : predicted * factor;
    }
}
