using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Windows;

/// <summary>Whether a plan's migrations fit a window and how many windows they take, predicted pessimistically.</summary>
/// <param name="WindowsNeeded">Windows needed for every migration that fits one at all (0 when there is none).</param>
/// <param name="Factor">The pessimism factor the prediction used.</param>
/// <param name="NeverFit">Migrations whose pessimistic duration exceeds even a whole window (less the margin): no window admits them.</param>
public sealed record WindowForecast(int WindowsNeeded, double Factor, IReadOnlyList<PlannedVmi> NeverFit)
{
    /// <summary>Whether everything fits the first window.</summary>
    public bool FitsFirstWindow => WindowsNeeded <= 1 && NeverFit.Count == 0;
}
