using System.Globalization;

namespace DrainOrchestrator.Core.Policy;

/// <summary>
/// How a drain behaves inside a maintenance window: how early before the window's end the last migration must be
/// predicted to end, how pessimistic that prediction is, and what the window's end does. Immutable.
/// </summary>
public sealed record WindowPolicy
{
    /// <summary>A migration must be predicted to end at least this long before the window ends.</summary>
    public TimeSpan Margin { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>What happens to the migrations in flight at the window's end.</summary>
    public WindowEndAction AtEnd { get; init; } = WindowEndAction.Finish;

    /// <summary>Uncordon the nodes while the drain is suspended between windows (they are cordoned again when it resumes).</summary>
    public bool UncordonWhileSuspended { get; init; }

    /// <summary>
    /// The quantile of the observed ratios (actual duration over predicted) that scales a prediction once there are
    /// <see cref="MinSamples"/> of them: 0.9 means nine migrations in ten took at most that multiple of their prediction.
    /// </summary>
    public double Quantile { get; init; } = 0.9;

    /// <summary>The multiple of the cost model's prediction used before there is enough history.</summary>
    public double DefaultPessimism { get; init; } = 1.5;

    /// <summary>How many finished migrations it takes before their ratios replace <see cref="DefaultPessimism"/>.</summary>
    public int MinSamples { get; init; } = 3;

    /// <summary>Every problem with these values; empty when valid.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        if (Margin < TimeSpan.Zero)
        {
            problems.Add(new("Window.Margin", "must not be negative", Format(Margin.TotalSeconds)));
        }

        if (!Enum.IsDefined(AtEnd))
        {
            problems.Add(new("Window.AtEnd", "must be Finish or Abort", ((int)AtEnd).ToString(CultureInfo.InvariantCulture)));
        }

        if (!(Quantile > 0 && Quantile <= 1))
        {
            problems.Add(new("Window.Quantile", "must be above 0 and at most 1", Format(Quantile)));
        }

        if (!(DefaultPessimism >= 1 && double.IsFinite(DefaultPessimism)))
        {
            problems.Add(new("Window.DefaultPessimism", "must be at least 1", Format(DefaultPessimism)));
        }

        if (MinSamples < 1)
        {
            problems.Add(new("Window.MinSamples", "must be at least 1", MinSamples.ToString(CultureInfo.InvariantCulture)));
        }

        return problems;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
