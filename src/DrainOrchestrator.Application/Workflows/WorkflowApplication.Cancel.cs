using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Application.Workflows;

public sealed partial class WorkflowApplication
{
    // An instance's pause, resume and cancel reach the unfinished drains it started. A cancelled instance takes them with
    // it: a drain suspended between two windows would otherwise keep its nodes (cordoned, held from every other drain)
    // for ever, as no run of the instance comes to end it. A paused instance pauses them: nothing new migrates until the
    // operator resumes it, and the resume resumes them (a drain paused between windows returns to suspended and waits for
    // its next window). Each is sent the operator's signal, journaled under their name. A drain the instance adopted (an
    // unfinished drain of the same nodes someone else started) is its owner's and is left as it is.
    private async Task<DrainCascade> CascadeAsync(Guid instanceId, DrainSignal signal, Caller caller, CancellationToken cancellationToken)
    {
        var journal = new JournalStore(dataSource, timeProvider);
        var states = new DrainStateStore(dataSource, timeProvider);
        var signals = new SignalStore(dataSource, states, journal);
        var moved = new List<string>();
        var left = new List<string>();
        var started = (await journal.ReadWorkflowEntriesAsync<WorkflowDrainStarted>(instanceId, cancellationToken))
            .Select(e => (WorkflowDrainStarted)e.ReadEvent())
            .DistinctBy(d => d.DrainId);
        foreach (var drain in started)
        {
            if (drain.Adopted == true)
            {
                if (await states.ReadStateAsync(drain.DrainId, cancellationToken) is { } state && !state.IsFinal())
                {
                    left.Add(drain.DrainName);
                }

                continue;
            }

            var result = await signals.SendAsync(drain.DrainId, signal, caller.ToString(), cancellationToken);
            if (result.Accepted && result.PreviousState != result.NewState)
            {
                moved.Add(drain.DrainName);
            }
        }

        return new DrainCascade(moved, left);
    }

    // The drains an instance's signal moved, and those it adopted and left to their owners.
    private sealed record DrainCascade(IReadOnlyList<string> Moved, IReadOnlyList<string> Left)
    {
        public static readonly DrainCascade None = new([], []);

        public string Describe() =>
            (Moved.Count == 0 ? string.Empty : $", and the unfinished drain(s) it started with it: {string.Join(", ", Moved)}")
            + (Left.Count == 0 ? string.Empty : $"; the drain(s) it adopted from their owners are left as they are: {string.Join(", ", Left)}");
    }
}
