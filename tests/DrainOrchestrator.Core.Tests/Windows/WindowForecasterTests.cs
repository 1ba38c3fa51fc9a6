using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using DrainOrchestrator.Core.Windows;

namespace DrainOrchestrator.Core.Tests.Windows;

/// <summary>How many windows a plan needs, from the same pessimistic prediction and admission as the scheduler's.</summary>
public sealed class WindowForecasterTests
{
    private static readonly NodeSnapshot[] Nodes = [Make.Node("n1"), Make.Node("n2", 256), Make.Node("n3", 256)];

    // Four equal migrations out of one node, one at a time: each window of room for two takes two.
    [Fact]
    public void Forecast_SerialWorkTwiceTheWindow_TwoWindows()
    {
        var policy = new DrainPolicy { MaxOutboundPerNode = 1, Window = new WindowPolicy { Margin = TimeSpan.Zero } };
        var plan = Plan(policy, 4);
        var each = PessimisticDuration.Of(plan.Waves[0].Items[0], 1.5);
        var window = (each * 2) + TimeSpan.FromSeconds(1);

        var forecast = WindowForecaster.Forecast(plan, policy, window, window, 1.5);

        Assert.Equal(2, forecast.WindowsNeeded);
        Assert.False(forecast.FitsFirstWindow);
        Assert.Empty(forecast.NeverFit);
    }

    [Fact]
    public void Forecast_EnoughRoom_FitsTheFirstWindow()
    {
        var policy = new DrainPolicy { MaxOutboundPerNode = 1, Window = new WindowPolicy { Margin = TimeSpan.Zero } };
        var plan = Plan(policy, 4);
        var each = PessimisticDuration.Of(plan.Waves[0].Items[0], 1.5);

        var forecast = WindowForecaster.Forecast(plan, policy, each * 4, each * 4, 1.5);

        Assert.True(forecast.FitsFirstWindow);
        Assert.Equal(1, forecast.WindowsNeeded);
    }

    [Fact]
    public void Forecast_MarginEatsTheRoom_OneMoreWindow()
    {
        var policy = new DrainPolicy { MaxOutboundPerNode = 1, Window = new WindowPolicy { Margin = TimeSpan.FromSeconds(2) } };
        var plan = Plan(policy, 4);
        var each = PessimisticDuration.Of(plan.Waves[0].Items[0], 1.5);
        var window = (each * 2) + TimeSpan.FromSeconds(1);

        var forecast = WindowForecaster.Forecast(plan, policy, window, window, 1.5);

        Assert.Equal(4, forecast.WindowsNeeded);
    }

    [Fact]
    public void Forecast_ShortRestOfTheCurrentWindow_CountsItThenWholeWindows()
    {
        var policy = new DrainPolicy { MaxOutboundPerNode = 1, Window = new WindowPolicy { Margin = TimeSpan.Zero } };
        var plan = Plan(policy, 4);
        var each = PessimisticDuration.Of(plan.Waves[0].Items[0], 1.5);

        var forecast = WindowForecaster.Forecast(plan, policy, each / 2, (each * 4) + TimeSpan.FromSeconds(1), 1.5);

        Assert.Equal(2, forecast.WindowsNeeded);
    }

    [Fact]
    public void Forecast_MigrationLongerThanAnyWindow_NamedAsNeverFitting()
    {
        var policy = new DrainPolicy { Window = new WindowPolicy { Margin = TimeSpan.Zero } };
        var plan = Plan(policy, 2);
        var each = PessimisticDuration.Of(plan.Waves[0].Items[0], 1.5);

        var forecast = WindowForecaster.Forecast(plan, policy, each / 2, each / 2, 1.5);

        Assert.Equal(2, forecast.NeverFit.Count);
        Assert.Equal(0, forecast.WindowsNeeded);
        Assert.False(forecast.FitsFirstWindow);
    }

    [Fact]
    public void Forecast_BarrierWaveCutByTheWindow_HoldsBackTheLaterWaves()
    {
        var policy = new DrainPolicy { MaxParallelMigrations = 2, MaxOutboundPerNode = 2, WaveMode = WaveMode.Barrier, Window = new WindowPolicy { Margin = TimeSpan.Zero } };
        var plan = Plan(policy, 6);
        var each = PessimisticDuration.Of(plan.Waves[0].Items[0], 1.5);

        // Room for one wave and a half: the second wave waits for the next window, and so does the third.
        var forecast = WindowForecaster.Forecast(plan, policy, each * 1.5, each * 1.5, 1.5);

        Assert.Equal(3, plan.Waves.Count);
        Assert.Equal(3, forecast.WindowsNeeded);
    }

    private static DrainPlan Plan(DrainPolicy policy, int count) =>
        DrainPlanner.Plan(Make.Cluster(Nodes, [.. Enumerable.Range(0, count).Select(i => Make.Vmi($"vm{i}", "n1", 4))]), ["n1"], policy);
}
