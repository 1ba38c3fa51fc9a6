using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Windows;

namespace DrainOrchestrator.Core.Tests.Windows;

public sealed class PessimisticDurationTests
{
    private static DurationSample Sample(double predicted, double actual) => new(TimeSpan.FromSeconds(predicted), TimeSpan.FromSeconds(actual));

    [Fact]
    public void Factor_FewerSamplesThanRequired_DefaultPessimism()
    {
        var policy = new WindowPolicy { DefaultPessimism = 1.7, MinSamples = 3 };

        Assert.Equal(1.7, PessimisticDuration.Factor([Sample(10, 30), Sample(10, 30)], policy));
    }

    [Fact]
    public void Factor_EnoughSamples_NearestRankQuantileOfRatios()
    {
        var policy = new WindowPolicy { Quantile = 0.9, MinSamples = 3 };
        // Ratios 0.5, 0.8, 1.0, ..., 2.0: the 0.9 quantile of ten is the ninth smallest.
        var samples = new[] { 0.5, 0.8, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 2.0 }.Select(r => Sample(10, 10 * r)).ToList();

        Assert.Equal(1.6, PessimisticDuration.Factor(samples, policy), 6);
    }

    [Fact]
    public void Factor_HistoryFasterThanModel_FactorBelowDefault()
    {
        var policy = new WindowPolicy { DefaultPessimism = 1.5, Quantile = 1, MinSamples = 3 };

        Assert.Equal(0.6, PessimisticDuration.Factor([Sample(10, 4), Sample(10, 5), Sample(10, 6)], policy), 6);
    }

    [Fact]
    public void Factor_SamplesWithoutPrediction_Ignored()
    {
        var policy = new WindowPolicy { DefaultPessimism = 1.5, MinSamples = 1 };

        Assert.Equal(1.5, PessimisticDuration.Factor([Sample(0, 10)], policy));
    }

    [Fact]
    public void Validate_BadValues_EveryProblemAtOnce()
    {
        var problems = new WindowPolicy { Margin = TimeSpan.FromSeconds(-1), Quantile = 0, DefaultPessimism = 0.5, MinSamples = 0 }.Validate();

        Assert.Equal(["Window.Margin", "Window.Quantile", "Window.DefaultPessimism", "Window.MinSamples"], problems.Select(p => p.Field));
    }
}
