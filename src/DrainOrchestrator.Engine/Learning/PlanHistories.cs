using System.Runtime.CompilerServices;
using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// The history each plan was made with, kept beside the plan instance (not inside it), so the migrate loop plans again
/// from the same earlier migrations plus what the drain itself learns (<see cref="DrainLearner"/>).
/// </summary>
internal static class PlanHistories
{
    private static readonly ConditionalWeakTable<DrainPlan, MigrationHistory> Histories = new();

    public static void Remember(DrainPlan plan, MigrationHistory history) => Histories.AddOrUpdate(plan, history);

    public static MigrationHistory Of(DrainPlan plan) => Histories.TryGetValue(plan, out var history) ? history : MigrationHistory.Empty;
}
