using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Waves;
using Npgsql;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Preflight and plan through Core. The first run records the waves and every item (disposition, wave, reason); a
/// run after a crash plans again from the cluster as it is and keeps the wave numbers recorded the first time. Every
/// run logs the plan's warnings (an unusable hint annotation and what is assumed instead); the first records them.
/// </summary>
internal static class PlanStep
{
    public static async Task<DrainPlan> PlanAsync(DrainContext context, NpgsqlDataSource dataSource, bool recorded,
        CancellationToken cancellationToken)
    {
        var others = await OtherDrainingNodesAsync(dataSource, context, cancellationToken);
        var state = context.View.Current;
        var (snapshot, history, metricsWarning) = await LearnedInputsLoader.LoadAsync(state, SnapshotMapper.Map(state), context.Nodes,
            context.Drain.Cluster, dataSource, context.Metrics, context.Logger, cancellationToken);
        var plan = DrainPlanner.Plan(snapshot, context.Nodes, context.Policy, history, others, context.Targets);
        if (metricsWarning is not null)
        {
            plan = plan with { Warnings = [.. plan.Warnings, metricsWarning] };
        }

        foreach (var warning in plan.Warnings)
        {
            EngineLog.PlanWarning(context.Logger, context.Drain.Name, warning);
        }

        if (!recorded)
        {
            PlanHistories.Remember(plan, history);
            return plan;
        }

        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in await context.Journal.ReadAsync<PlanItem>(context.Id, cancellationToken))
        {
            waves[item.Uid] = item.Wave;
        }

        var items = plan.Items.Select(i => waves.TryGetValue(i.Vmi.Uid, out var w) && w > 0 ? i with { Wave = w } : i).ToList();
        plan = plan with { Items = items };
        PlanHistories.Remember(plan, history);
        return plan;
    }

    // Large enough that a plan costs few statements, small enough that one statement's payload stays a few hundred KiB.
    private const int ItemsPerStatement = 500;

    /// <summary>Records the plan: its waves and one journal event per item.</summary>
    public static async Task RecordAsync(DrainContext context, DrainPlan plan, CancellationToken cancellationToken)
    {
        var mode = context.Policy.WaveMode.ToString().ToLowerInvariant();
        var waves = plan.Waves.Where(w => w.Items.Count > 0).Select(w => new PlannedWaveRow(w.Number, w.Items.Count)).ToList();
        await context.Writer.WriteAsync(new PlanCreated(waves.Count, plan.Items.Count, plan.Blockers.Count,
            plan.PredictedMakespan.TotalSeconds, plan.Warnings), t => context.Waves.RecordPlanAsync(t, context.Id, mode, context.Policy.MaxParallelMigrations, waves, cancellationToken),
            cancellationToken);
        // The items in fenced statements of ItemsPerStatement events each, not one statement per item.
        foreach (var chunk in plan.Items.Chunk(ItemsPerStatement))
        {
            await context.Writer.WriteAsync([.. chunk.Select(Journaled)], [], cancellationToken);
        }
    }

    internal static async Task<IReadOnlySet<string>> OtherDrainingNodesAsync(NpgsqlDataSource dataSource, DrainContext context,
        CancellationToken cancellationToken)
    {
        var drains = await new DrainStore(dataSource, context.Time).ListAsync(activeOnly: true, cancellationToken);
        return drains.Where(d => d.Id != context.Id && d.Cluster == context.Drain.Cluster)
            .SelectMany(d => d.Nodes.Where(n => n.ReleasedAt is null).Select(n => n.NodeName))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>One planned VMI as journaled.</summary>
    internal static PlanItem Journaled(PlannedVmi i) => new(i.Vmi.Uid, i.Vmi.Namespace, i.Vmi.Name, i.Vmi.NodeName,
        i.Disposition.ToString(), i.Wave, i.Reason.ToString(), i.Detail, i.Estimate.Duration.TotalSeconds, i.Estimate.Mode.ToString());
}
