using System.Diagnostics.Metrics;
using DrainOrchestrator.Persistence.Budget;

namespace DrainOrchestrator.Engine.Budget;

/// <summary>
/// The budget's instruments, for the server to export: the meter <see cref="MeterName"/> with the counter
/// <see cref="RefusalsName"/> (tags <c>cluster</c> and <c>reason</c>), and the same count for this process as
/// <see cref="Refusals"/>.
/// </summary>
public static class BudgetMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "DrainOrchestrator.Engine.Budget";

    /// <summary>The counter of migration slots refused by the cluster's budget.</summary>
    public const string RefusalsName = "drain_orchestrator.budget.refusals";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> RefusalCounter = Meter.CreateCounter<long>(RefusalsName, "{refusal}",
        "Migration slots the cluster's budget refused (nothing was journaled or created; the next pass asks again).");

    private static long _refusals;

    /// <summary>Slots refused in this process since it started, every cluster and reason.</summary>
    public static long Refusals => Interlocked.Read(ref _refusals);

    internal static void Refused(string cluster, SlotRefusal reason)
    {
        Interlocked.Increment(ref _refusals);
        RefusalCounter.Add(1, new KeyValuePair<string, object?>("cluster", cluster), new KeyValuePair<string, object?>("reason", reason.ToString()));
    }
}
