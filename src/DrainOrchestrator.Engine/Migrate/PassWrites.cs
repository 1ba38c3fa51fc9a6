using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Fencing;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Waves;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// What one pass records after its starts (VMIMs created, attempts observed, progress), written together as one fenced
/// statement (<see cref="FencedWriter"/>): the rows and their journal events commit at once or not at all. An attempt
/// observed twice in one pass (created, then already ended) is written in a second statement, since one statement
/// updates a row once. After the write, the records in memory take the same changes.
/// </summary>
/// <remarks>
/// What durability needs (a VMIM created, an attempt ended, the pause acknowledged) is written by the pass that sees
/// it. What only shows progress (an attempt now running, the node counts) is lazy: written with the next write that
/// durability needs, when the loop ends, or once it has waited <paramref name="lazyDelay"/>. A lazy change not written
/// is observed again by the next pass (the records in memory do not have it yet), so nothing is lost; after a crash the
/// cluster shows it again.
/// </remarks>
internal sealed class PassWrites(Guid drainId, AttemptMemory memory, TimeSpan lazyDelay)
{
    private readonly List<(JournalEvent Event, string? Name, AttemptObservation? Observation, Action? Written)> _items = [];
    private (JournalEvent Event, IReadOnlyList<NodeCounts> Counts, Action Written)? _progress;
    private bool _urgent;
    private DateTimeOffset? _lazySince;

    /// <summary>Starts a pass: what the previous pass left lazily unwritten is dropped (this pass observes it again).</summary>
    public void Begin()
    {
        _items.Clear();
        (_progress, _urgent) = (null, false);
    }

    /// <summary>Records <paramref name="observation"/> of the attempt <paramref name="vmimName"/>, journaled as <paramref name="journalEvent"/>.</summary>
    public void Observe(JournalEvent journalEvent, string vmimName, AttemptObservation observation, bool lazy, Action? written)
    {
        _items.Add((journalEvent, vmimName, observation, written));
        _urgent |= !lazy;
    }

    /// <summary>The pass's progress: its event, the node counts that changed, and what to do once written.</summary>
    public void Progress(JournalEvent journalEvent, IReadOnlyList<NodeCounts> counts, bool lazy, Action written)
    {
        _progress = (journalEvent, counts, written);
        _urgent |= !lazy;
    }

    /// <summary>
    /// Writes what was collected (lazy changes alone only when <paramref name="force"/>, or once they waited long
    /// enough), then applies it to the records in memory and runs each item's follow-up.
    /// </summary>
    public async Task FlushAsync(FencedWriter writer, TimeProvider time, bool force, CancellationToken cancellationToken)
    {
        if (_items.Count == 0 && _progress is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (!force && !_urgent && (_lazySince is null || now - _lazySince.Value < lazyDelay))
        {
            _lazySince ??= now;
            return;
        }

        var statements = Split();
        for (var s = 0; s < statements.Count; s++)
        {
            var items = statements[s];
            var progress = s == statements.Count - 1 ? _progress : null;
            var observed = items.Where(i => i.Name is not null).Select(i => (i.Name!, i.Observation!)).ToList();
            var changes = new List<FencedChange>();
            if (observed.Count > 0)
            {
                changes.Add(AttemptStore.ObserveChange(observed, now));
                var ending = observed.Where(o => o.Item2.Outcome.IsFinal()).Select(o => o.Item1).ToList();
                if (ending.Count > 0)
                {
                    changes.Add(WaveStore.FinishChange(drainId, ending, now));
                }
            }

            if (progress is { Counts.Count: > 0 } p)
            {
                changes.Add(DrainStateStore.NodeCountsChange(drainId, p.Counts));
            }

            List<JournalEvent> events = [.. items.Select(i => i.Event)];
            if (progress is { } withProgress)
            {
                events.Add(withProgress.Event);
            }

            if (events.Count == 0)
            {
                continue;
            }

            await writer.WriteAsync(events, changes, cancellationToken);
            foreach (var (name, observation) in observed)
            {
                memory.Apply(name, observation, now);
            }

            foreach (var item in items)
            {
                item.Written?.Invoke();
            }

            progress?.Written();
        }

        Begin();
        _lazySince = null;
    }

    private List<List<(JournalEvent Event, string? Name, AttemptObservation? Observation, Action? Written)>> Split()
    {
        var statements = new List<List<(JournalEvent, string?, AttemptObservation?, Action?)>> { new() };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in _items)
        {
            if (item.Name is { } name && !names.Add(name))
            {
                statements.Add([]);
                names.Clear();
                names.Add(name);
            }

            statements[^1].Add(item);
        }

        return statements;
    }
}
