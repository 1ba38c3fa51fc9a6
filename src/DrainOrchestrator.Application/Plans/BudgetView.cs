using DrainOrchestrator.Core.Budgets;

namespace DrainOrchestrator.Application.Plans;

/// <summary>An application budget the plan honours.</summary>
/// <param name="Name">Its name (an annotation budget's is <c>namespace/name</c>).</param>
/// <param name="Source">Policy, Annotation or PodDisruptionBudget.</param>
/// <param name="Selector">Its selector in kubectl's syntax; null for an annotation budget.</param>
/// <param name="MaxInFlight">At most this many members in flight; null when it limits unavailability.</param>
/// <param name="MaxUnavailable">At most this many members unavailable; null when it limits migrations in flight.</param>
/// <param name="Members">Its members in the cluster.</param>
/// <param name="ToMove">Its members this drain moves.</param>
/// <param name="Problem">Why it may slow or stop the drain; null when none.</param>
/// <param name="Text">The budget in one line, as drainctl prints it.</param>
public sealed record BudgetView(string Name, string Source, string? Selector, int? MaxInFlight, int? MaxUnavailable, int Members, int ToMove,
    string? Problem, string Text)
{
    /// <summary>The view of <paramref name="planned"/>.</summary>
    public static BudgetView Of(PlannedBudget planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var b = planned.Budget;
        return new BudgetView(b.Name, b.Source.ToString(), b.Selector?.ToString(),
            b.Kind == BudgetLimitKind.MaxInFlight ? b.Limit : null, b.Kind == BudgetLimitKind.MaxUnavailable ? b.Limit : null,
            planned.Members, planned.ToMove, planned.Problem,
            $"budget {b}: {planned.Members} members, {planned.ToMove} to move" + (planned.Problem is null ? string.Empty : "; " + planned.Problem));
    }
}
