using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Application.Workflows;

public sealed partial class WorkflowApplication
{
    // A cancelled instance takes its unfinished drains with it: a drain suspended between two windows would otherwise
    // keep its nodes (cordoned, held from every other drain) for ever, as no run of the instance comes to end it. Each is
    // sent the operator's cancel (journaled under their name); an engine ends it as any cancelled drain (what is in
    // flight aborted, nodes uncordoned per policy). Returns the names of those the cancel moved.
    private async Task<IReadOnlyList<string>> CancelDrainsAsync(Guid instanceId, Caller caller, CancellationToken cancellationToken)
    {
        var journal = new JournalStore(dataSource, timeProvider);
        var signals = new SignalStore(dataSource, new DrainStateStore(dataSource, timeProvider), journal);
        var cancelled = new List<string>();
        var started = (await journal.ReadWorkflowEntriesAsync<WorkflowDrainStarted>(instanceId, cancellationToken))
            .Select(e => (WorkflowDrainStarted)e.ReadEvent())
            .DistinctBy(d => d.DrainId);
        foreach (var drain in started)
        {
            var result = await signals.SendAsync(drain.DrainId, DrainSignal.Cancel, caller.ToString(), cancellationToken);
            if (result.Accepted && result.PreviousState != result.NewState)
            {
                cancelled.Add(drain.DrainName);
            }
        }

        return cancelled;
    }
}
