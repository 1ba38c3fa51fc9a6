using System.Globalization;
using DrainOrchestrator.Core.Budgets;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// Reads a VMI's budget annotation (<see cref="BudgetAnnotation"/>). A name without a readable limit gets the most
/// cautious one a PodDisruptionBudget-like annotation can mean, one member in flight at a time; the max-in-flight limit
/// wins when both are given.
/// </summary>
internal static class BudgetAnnotationReader
{
    public static BudgetAnnotation? Read(IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is null || !annotations.TryGetValue(BudgetAnnotation.NameKey, out var name) || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (Limit(annotations, BudgetAnnotation.MaxInFlightKey) is { } inFlight)
        {
            return new BudgetAnnotation(name.Trim(), BudgetLimitKind.MaxInFlight, inFlight);
        }

        return Limit(annotations, BudgetAnnotation.MaxUnavailableKey) is { } unavailable
            ? new BudgetAnnotation(name.Trim(), BudgetLimitKind.MaxUnavailable, unavailable)
            : new BudgetAnnotation(name.Trim(), BudgetLimitKind.MaxInFlight, 1);
    }

    private static int? Limit(IReadOnlyDictionary<string, string> annotations, string key) =>
        annotations.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
