using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Engine.MoveBack;

/// <summary>
/// The plan step of a move-back: what the returned drain moved (<see cref="MoveBackOrigins"/>), planned back to its
/// origins by <see cref="ReturnPlanner"/>. A run after a crash plans again from the cluster as it is, keeping the first
/// plan's returns (one already home stays planned, its attempt done) and its wave numbers. It is recorded like a drain's
/// plan (<see cref="PlanStep.RecordAsync"/>): the VMs left in place are its skipped items, each with its reason. A return
/// the first run started and that has not ended stays planned, followed to its end.
/// </summary>
internal static class ReturnPlanStep
{
    public static async Task<DrainPlan> PlanAsync(DrainContext context, NpgsqlDataSource dataSource, bool recorded,
        CancellationToken cancellationToken)
    {
        var returned = context.Drain.ReturnsDrain ?? throw new InvalidOperationException($"Drain {context.Drain.Name} is not a move-back.");
        var returns = await MoveBackOrigins.ReadAsync(context.Attempts, returned, cancellationToken);
        var others = await PlanStep.OtherDrainingNodesAsync(dataSource, context, cancellationToken);
        HashSet<string>? planned = null;
        HashSet<string>? underWay = null;
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        if (recorded)
        {
            underWay = (await context.Attempts.ListAsync(context.Id, cancellationToken))
                .Where(a => !a.IsFinal && !a.IsRestart).Select(a => a.VmiUid).ToHashSet(StringComparer.Ordinal);
            planned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in await context.Journal.ReadAsync<PlanItem>(context.Id, cancellationToken))
            {
                waves[item.Uid] = item.Wave;
                if (item.Disposition == nameof(PlanDisposition.Migrate))
                {
                    planned.Add(item.Uid);
                }
            }
        }

        var plan = ReturnPlanner.Plan(SnapshotMapper.Map(context.View.Current), returns, context.Policy, others, planned, underWay);
        foreach (var warning in plan.Warnings)
        {
            EngineLog.PlanWarning(context.Logger, context.Drain.Name, warning);
        }

        MoveBackLog.Planned(context.Logger, context.Drain.Name, plan.Items.Count(i => i.Disposition == PlanDisposition.Migrate),
            plan.Skipped.Count());
        return waves.Count == 0 ? plan
            : plan with { Items = [.. plan.Items.Select(i => waves.TryGetValue(i.Vmi.Uid, out var w) && w > 0 ? i with { Wave = w } : i)] };
    }
}
