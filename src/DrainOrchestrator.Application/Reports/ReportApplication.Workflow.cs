using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The report of a workflow instance: its steps, who started, approved, paused or cancelled it, and its drains.</summary>
public sealed partial class ReportApplication
{
    /// <summary>The report of workflow instance <paramref name="idOrName"/> and of every drain it started.</summary>
    public async Task<ReportDocument> WorkflowAsync(string idOrName, CancellationToken cancellationToken)
    {
        var store = new WorkflowStore(dataSource, timeProvider);
        var instance = await store.FindAsync(idOrName, cancellationToken)
            ?? throw new DrainNotFoundException($"there is no workflow instance '{idOrName}'", new KeyNotFoundException(idOrName));
        var journal = new JournalStore(dataSource, timeProvider);
        // Each drain once: a step journals its drain again when it attaches to it after a crash or in the next window
        // (a move-back step does on every run).
        var drains = new List<DrainReport>();
        var seen = new HashSet<Guid>();
        foreach (var started in await journal.ReadWorkflowEntriesAsync<WorkflowDrainStarted>(instance.Id, cancellationToken))
        {
            if (started.ReadEvent() is WorkflowDrainStarted drain && seen.Add(drain.DrainId))
            {
                drains.Add(await DrainReportReader.ReadAsync(dataSource, await FindDrainAsync(drain.DrainId.ToString("D"), cancellationToken), cancellationToken));
            }
        }

        var steps = (await store.StepsAsync(instance.Id, cancellationToken))
            .Select(s => new ReportWorkflowStep(s.StepKey, s.Kind, s.State, s.StartedAt, s.FinishedAt)).ToList();
        var workflow = new ReportWorkflow(instance.Id, instance.Name, instance.Workflow, instance.WorkflowVersion, instance.Cluster, instance.State,
            instance.RequestedBy, instance.CreatedAt, instance.StartedAt, instance.FinishedAt, instance.OutcomeReason, steps,
            await WorkflowActionsAsync(journal, instance, cancellationToken));
        return new ReportDocument("workflow", $"Workflow {instance.Name} ({instance.Workflow} v{instance.WorkflowVersion})", timeProvider.GetUtcNow(), drains)
        {
            Workflow = workflow,
        };
    }

    // The request, every approval, and every state change an operator made, from whatever state (a cancel between two
    // windows comes from suspended); the runner's own changes are not actions (only an operator's carries "TO by CALLER").
    private static async Task<IReadOnlyList<ReportAction>> WorkflowActionsAsync(JournalStore journal, WorkflowInstanceRecord instance,
        CancellationToken cancellationToken)
    {
        var actions = new List<ReportAction>();
        if (instance.RequestedBy is { } requestedBy)
        {
            actions.Add(new ReportAction(instance.CreatedAt, "requested", requestedBy, null));
        }

        foreach (var entry in await journal.ReadWorkflowEntriesAsync<WorkflowApprovalGranted>(instance.Id, cancellationToken))
        {
            if (entry.ReadEvent() is WorkflowApprovalGranted granted)
            {
                actions.Add(new ReportAction(entry.OccurredAt, "approved", granted.By, "step " + granted.Step));
            }
        }

        foreach (var entry in await journal.ReadWorkflowEntriesAsync<WorkflowStateChanged>(instance.Id, cancellationToken))
        {
            if (entry.ReadEvent() is WorkflowStateChanged { To: "paused" or "cancelled" or "running" } changed
                && changed.Detail?.StartsWith(changed.To + " by ", StringComparison.Ordinal) == true)
            {
                var action = changed.To switch { "paused" => "pause", "cancelled" => "cancel", _ => "resume" };
                actions.Add(new ReportAction(entry.OccurredAt, action, entry.Actor, $"{changed.From} -> {changed.To}"));
            }
        }

        return [.. actions.OrderBy(a => a.At)];
    }
}
