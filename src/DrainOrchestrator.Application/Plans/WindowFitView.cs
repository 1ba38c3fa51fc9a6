namespace DrainOrchestrator.Application.Plans;

/// <summary>Whether a plan's migrations fit the window, and how many windows they need, predicted pessimistically.</summary>
/// <param name="Fits">Everything fits the first window.</param>
/// <param name="WindowsNeeded">Windows needed for everything that fits a window at all.</param>
/// <param name="FirstWindowEnd">The end of the first window counted.</param>
/// <param name="FirstWindowSeconds">How much of the first window is left (from now, or its whole length when it opens later).</param>
/// <param name="WindowSeconds">The length of each later window.</param>
/// <param name="MarginSeconds">How long before a window's end every migration must be predicted to end.</param>
/// <param name="Factor">The pessimism factor applied to the cost model's predictions.</param>
/// <param name="NeverFit">VMs predicted to take longer than a whole window: no window admits them.</param>
public sealed record WindowFitView(
    bool Fits, int WindowsNeeded, DateTimeOffset FirstWindowEnd, double FirstWindowSeconds, double WindowSeconds, double MarginSeconds, double Factor,
    IReadOnlyList<string> NeverFit);
