using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Windows;

/// <summary>
/// The admission rule of a window, the one code path of the scheduler and of the forecast: a migration may start at
/// a time only when its pessimistic duration ends by <see cref="ClosesAt"/>, the window's end minus the margin.
/// </summary>
/// <param name="ClosesAt">The latest time a migration may be predicted to end.</param>
/// <param name="Factor">The pessimism factor (<see cref="PessimisticDuration.Factor"/>).</param>
public sealed record WindowAdmission(DateTimeOffset ClosesAt, double Factor)
{
    /// <summary>The admission of <paramref name="window"/> under <paramref name="policy"/> with <paramref name="factor"/>.</summary>
    public static WindowAdmission For(MaintenanceWindow window, WindowPolicy policy, double factor)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(policy);
        return new(window.End - policy.Margin, factor);
    }

    /// <summary>The pessimistic duration of <paramref name="item"/>.</summary>
    public TimeSpan Predict(PlannedVmi item) => PessimisticDuration.Of(item, Factor);

    /// <summary>When <paramref name="item"/> started at <paramref name="start"/> is predicted to end (pessimistically).</summary>
    public DateTimeOffset PredictedEnd(PlannedVmi item, DateTimeOffset start)
    {
        var duration = Predict(item);
        return duration >= DateTimeOffset.MaxValue - start ? DateTimeOffset.MaxValue : start + duration;
    }

    /// <summary>Whether <paramref name="item"/> may start at <paramref name="start"/>.</summary>
    public bool Admits(PlannedVmi item, DateTimeOffset start) => PredictedEnd(item, start) <= ClosesAt;
}
