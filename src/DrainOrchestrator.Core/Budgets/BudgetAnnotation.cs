namespace DrainOrchestrator.Core.Budgets;

/// <summary>
/// A VMI's own budget annotation: <c>drain-orchestrator.io/budget: NAME</c> with
/// <c>drain-orchestrator.io/budget-max-in-flight: "K"</c> or <c>drain-orchestrator.io/budget-max-unavailable: "K"</c>. Every VMI
/// of a namespace annotated with the same name is a member of one budget; the lowest limit any member states wins.
/// </summary>
/// <param name="Name">The budget's name in the annotation (unique within the namespace).</param>
/// <param name="Kind">What the limit counts.</param>
/// <param name="Limit">The limit the annotation states.</param>
public sealed record BudgetAnnotation(string Name, BudgetLimitKind Kind, int Limit)
{
    /// <summary>The annotation naming the budget.</summary>
    public const string NameKey = "drain-orchestrator.io/budget";

    /// <summary>The annotation of a <see cref="BudgetLimitKind.MaxInFlight"/> limit.</summary>
    public const string MaxInFlightKey = "drain-orchestrator.io/budget-max-in-flight";

    /// <summary>The annotation of a <see cref="BudgetLimitKind.MaxUnavailable"/> limit.</summary>
    public const string MaxUnavailableKey = "drain-orchestrator.io/budget-max-unavailable";
}
