namespace DrainOrchestrator.Core.Budgets;

/// <summary>An application budget as a plan shows it.</summary>
/// <param name="Budget">The budget.</param>
/// <param name="Members">Its members in the whole cluster (VMIs it covers).</param>
/// <param name="ToMove">Its members this drain moves (migrates or restarts).</param>
/// <param name="Problem">Why it may slow or stop the drain (a limit of 0, members that disagree); null when none.</param>
public sealed record PlannedBudget(ApplicationBudget Budget, int Members, int ToMove, string? Problem = null);
