using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Application.Drains;

/// <summary>
/// Follows a drain that another process holds (another drainctl, a server replica) from what it journals: its progress
/// as it reports it, until it ends or lets go of the drain. A drainctl that attaches to such a drain would otherwise wait
/// for the lease in silence; its operator sees the same progress as the holder's.
/// </summary>
internal sealed class HeldDrainFollower(DrainStore drains, JournalStore journal, TimeProvider timeProvider, TimeSpan interval)
{
    private const int Page = 1_000;

    /// <summary>
    /// Returns once the drain has ended, is gone, or no process holds it (so this one may take it up); before that,
    /// <paramref name="held"/> runs once and every progress the holder journals goes to <paramref name="progress"/>.
    /// </summary>
    public async Task FollowAsync(Guid drainId, IProgress<DrainProgress>? progress, Action held, CancellationToken cancellationToken)
    {
        try
        {
            await FollowHeldAsync(drainId, progress, held, cancellationToken);
        }
        catch (NpgsqlException) when (!cancellationToken.IsCancellationRequested)
        {
            // The database went away (a restart): showing progress is not worth failing the command for. The run that
            // comes next waits for the lease riding the outage out, as it did before anything was shown.
        }
    }

    private async Task FollowHeldAsync(Guid drainId, IProgress<DrainProgress>? progress, Action held, CancellationToken cancellationToken)
    {
        var after = 0L;
        var journaled = new JournaledProgress();
        var announced = false;
        while (await drains.FindAsync(drainId.ToString("D"), cancellationToken) is { Owned: true } drain && !drain.State.IsFinal())
        {
            if (!announced)
            {
                held();
                announced = true;
            }

            // Every event since the last read, a page at a time (the first read catches up on the drain so far); only
            // the latest progress is shown.
            DrainProgress? latest = null;
            IReadOnlyList<JournalEntry> entries;
            do
            {
                entries = await journal.ReadAfterAsync(drainId, after, Page, cancellationToken);
                foreach (var entry in entries)
                {
                    after = entry.Seq;
                    if (JournalCatalogue.Is<ProgressReported>(entry.Kind) && entry.ReadEvent() is ProgressReported reported)
                    {
                        latest = journaled.Apply(reported);
                    }
                }
            }
            while (entries.Count == Page);

            if (latest is not null)
            {
                progress?.Report(latest);
            }

            await Task.Delay(interval, timeProvider, cancellationToken);
        }
    }
}
