using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Application.Plans;

/// <summary>A dry run's plan: every VM's disposition, wave and predicted duration, the blockers, and the warnings.</summary>
public sealed record PlanView(
    IReadOnlyList<string> Nodes, bool Blocked, int Waves, double PredictedMakespanSeconds, IReadOnlyList<string> Warnings,
    IReadOnlyList<PlanRow> Items)
{
    /// <summary>Whether the work fits the window the plan was asked about, and how many windows it needs; null when none was given.</summary>
    public WindowFitView? Window { get; init; }

    /// <summary>The target start-up the predictions assume, seconds (docs/learned-inputs.md).</summary>
    public double TargetStartupSeconds { get; init; }

    /// <summary>Where the target start-up came from: <c>policy</c>, <c>observed</c> or <c>default</c>.</summary>
    public string TargetStartupSource { get; init; } = "default";

    /// <summary>The application budgets the drain honours, with their members (docs/budgets.md).</summary>
    public IReadOnlyList<BudgetView> Budgets { get; init; } = [];

    /// <summary>The view of <paramref name="plan"/>; a restart is no migration: no predicted transfer, its detail says how it moves.</summary>
    public static PlanView Of(DrainPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = plan.Items.Select(i => new PlanRow(
            i.Vmi.QualifiedName,
            i.Vmi.NodeName,
            i.Disposition.ToString(),
            i.Wave,
            i.Reason == BlockReason.None ? null : i.Reason.ToString(),
            i.Disposition == PlanDisposition.Restart
                ? $"shut down, then started elsewhere by its run strategy {i.Vmi.RunStrategy}" + (i.Detail is null ? string.Empty : "; " + i.Detail)
                : i.Detail,
            i.Disposition == PlanDisposition.Restart ? null : Math.Round(i.Estimate.Duration.TotalSeconds, 1),
            i.Disposition == PlanDisposition.Restart ? null : i.Estimate.Mode.ToString())
        {
            TentativeTarget = i.TentativeTarget,
            DirtyRateBytesPerSecond = i.Disposition == PlanDisposition.Restart ? null : i.DirtyRateBytesPerSecond,
            DirtyRateSource = i.Disposition == PlanDisposition.Restart ? null : Word(i.DirtyRateSource),
            BandwidthSource = i.Disposition == PlanDisposition.Restart ? null : Word(i.BandwidthSource),
        }).ToList();
        return new PlanView(plan.Nodes, plan.IsBlocked, plan.Waves.Count, Math.Round(plan.PredictedMakespan.TotalSeconds, 1), plan.Warnings, rows)
        {
            Budgets = [.. plan.Budgets.Select(BudgetView.Of)],
            TargetStartupSeconds = Math.Round(plan.TargetStartup.TotalSeconds, 1),
            TargetStartupSource = plan.TargetStartupSource.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>An input's source as both front doors spell it.</summary>
    public static string Word(InputSource source) => source.ToString().ToLowerInvariant();
}
