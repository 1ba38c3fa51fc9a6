using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Waves;
using Npgsql;

namespace DrainOrchestrator.Engine.Reports;

/// <summary>Reads a <see cref="DrainReport"/>: waves and attempts from their tables, the VMIs not moved from the journal.</summary>
public static class DrainReportReader
{
    /// <summary>The report of <paramref name="drain"/>.</summary>
    public static async Task<DrainReport> ReadAsync(NpgsqlDataSource dataSource, DrainRecord drain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drain);
        var waves = await new WaveStore(dataSource, TimeProvider.System).ListAsync(drain.Id, cancellationToken);
        var attempts = await new AttemptStore(dataSource, TimeProvider.System).ListForReportAsync(drain.Id, cancellationToken);
        var journal = new JournalStore(dataSource, TimeProvider.System);
        var notMoved = new List<UnmovedVmi>();
        // Only the items the plan did not migrate: a large drain journals 100,000 plan items and leaves a few where they are.
        string[] unmoved = [nameof(PlanDisposition.Skip), nameof(PlanDisposition.Block)];
        foreach (var item in await journal.ReadWhereAsync<PlanItem>(drain.Id, PlanItem.DispositionField, unmoved, cancellationToken))
        {
            var disposition = item.Disposition switch
            {
                nameof(PlanDisposition.Skip) => "skipped",
                nameof(PlanDisposition.Block) => "blocked",
                _ => null,
            };
            if (disposition is not null)
            {
                notMoved.Add(new UnmovedVmi($"{item.Namespace}/{item.Name}", item.Node, disposition, item.Detail ?? item.Reason));
            }
        }

        var givenUp = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in await journal.ReadAsync<VmiGivenUp>(drain.Id, cancellationToken))
        {
            notMoved.Add(new UnmovedVmi($"{given.Namespace}/{given.Name}", given.Node, "gave_up", given.Reason));
            givenUp.Add(given.Uid);
        }

        // What the drain was to move and never started: left where it was when the drain ended early (a succeeded drain saw
        // every VM leave, by its own migrations or not).
        if (drain.State != DrainState.Succeeded)
        {
            string[] moved = [nameof(PlanDisposition.Migrate), nameof(PlanDisposition.Restart)];
            var why = drain.State.IsFinal() ? $"no migration was started for it before the drain {drain.State.ToDatabase()}"
                : $"not started yet: the drain is {drain.State.ToDatabase()}";
            foreach (var item in await journal.ReadNeverAttemptedAsync(drain.Id, moved, cancellationToken))
            {
                if (givenUp.Contains(item.Uid))
                {
                    continue;
                }

                notMoved.Add(new UnmovedVmi($"{item.Namespace}/{item.Name}", item.Node, "not_started", why));
            }
        }

        var interop = (await journal.ReadAsync<InteropRefused>(drain.Id, cancellationToken)).Select(r => r.Describe()).ToList();
        var plans = await journal.ReadAsync<PlanCreated>(drain.Id, cancellationToken);
        var (returns, outbound, movedBackBy) = await MoveBackLinks.ReadAsync(dataSource, drain, cancellationToken);
        return new DrainReport(drain, waves, attempts, notMoved, interop)
        {
            Returns = returns,
            Outbound = outbound,
            MovedBackBy = movedBackBy,
            Windows = await WindowsAsync(journal, drain.Id, attempts, cancellationToken),
            Predictions = await PredictionsAsync(journal, drain.Id, cancellationToken),
            PredictedMakespanSeconds = plans.Count == 0 ? null : plans[^1].PredictedMakespanSeconds,
            Actions = await ActionsAsync(journal, drain, cancellationToken),
        };
    }

    // The plan's prediction of every VM it moves (the last plan wins when a drain was planned again).
    private static async Task<IReadOnlyDictionary<string, PredictedMigration>> PredictionsAsync(JournalStore journal, Guid drainId,
        CancellationToken cancellationToken)
    {
        string[] moved = [nameof(PlanDisposition.Migrate), nameof(PlanDisposition.Restart)];
        var predictions = new Dictionary<string, PredictedMigration>(StringComparer.Ordinal);
        await foreach (var item in journal.ReadPredictionsAsync(drainId, moved, cancellationToken))
        {
            predictions[item.Uid] = new PredictedMigration(item.Seconds, item.Mode);
        }

        return predictions;
    }

    // Who asked for the drain, who paused, resumed or cancelled it, and which engine processes ran it.
    private static async Task<IReadOnlyList<ReportAction>> ActionsAsync(JournalStore journal, DrainRecord drain, CancellationToken cancellationToken)
    {
        var actions = new List<ReportAction>();
        if (drain.RequestedBy is { } requestedBy)
        {
            actions.Add(new ReportAction(drain.CreatedAt, "requested", requestedBy, null));
        }

        foreach (var entry in await journal.ReadEntriesAsync<DrainSignalled>(drain.Id, cancellationToken))
        {
            if (entry.ReadEvent() is DrainSignalled signal)
            {
                actions.Add(new ReportAction(entry.OccurredAt, signal.Signal.ToString().ToLowerInvariant(), entry.Actor,
                    $"{signal.From.ToDatabase()} -> {signal.To.ToDatabase()}"));
            }
        }

        foreach (var entry in await journal.ReadEntriesAsync<DrainStarted>(drain.Id, cancellationToken))
        {
            actions.Add(new ReportAction(entry.OccurredAt, "run", entry.Actor, "an engine started the drain"));
        }

        foreach (var entry in await journal.ReadEntriesAsync<DrainResumed>(drain.Id, cancellationToken))
        {
            actions.Add(new ReportAction(entry.OccurredAt, "run", entry.Actor, "an engine took the drain up again"));
        }

        return [.. actions.OrderBy(a => a.At)];
    }

    // Each window opened, with the migrations intended inside it and what its admission held back.
    private static async Task<IReadOnlyList<WindowRun>> WindowsAsync(JournalStore journal, Guid drainId, IReadOnlyList<AttemptRecord> attempts,
        CancellationToken cancellationToken)
    {
        var opened = await journal.ReadAsync<WindowOpened>(drainId, cancellationToken);
        if (opened.Count == 0)
        {
            return [];
        }

        var held = await journal.ReadAsync<MigrationHeldBack>(drainId, cancellationToken);
        var suspended = await journal.ReadAsync<DrainSuspended>(drainId, cancellationToken);
        return opened.OrderBy(o => o.Start).Select(o =>
        {
            var inside = attempts.Where(a => !a.IsRestart && a.IntendedAt >= o.Start && a.IntendedAt < o.End).ToList();
            var closesAt = o.End - TimeSpan.FromSeconds(o.MarginSeconds);
            return new WindowRun(o.Start, o.End, o.MarginSeconds, inside.Count, inside.Count(a => a.Outcome == AttemptOutcome.Succeeded),
                held.Where(h => h.ClosesAt == closesAt).Select(h => h.Uid).Distinct(StringComparer.Ordinal).Count(),
                suspended.Any(s => s.WindowEnd == o.End));
        }).ToList();
    }
}
