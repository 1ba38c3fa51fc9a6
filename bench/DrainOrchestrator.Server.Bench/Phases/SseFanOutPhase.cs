using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Server.Bench.Load;
using DrainOrchestrator.Server.Bench.Serving;

namespace DrainOrchestrator.Server.Bench.Phases;

/// <summary>
/// Server-Sent Events fan-out: the subscribers connect to <c>GET /api/v1/events</c> before three drains start, and
/// stay until each has received the journal's last event after the drains ended. Then every subscriber's events are
/// compared with the journal in the database: each event once, in sequence order, none missing; the delivery lag is
/// the receipt time minus the event's <c>occurredAt</c>. The server's CPU and its journal feed's database reads
/// (its metric, and the statement counted by pg_stat_statements) are taken over the same window.
/// </summary>
internal static class SseFanOutPhase
{
    private const string FeedPollsMetric = "drain_orchestrator_events_feed_polls_total";

    public static async Task<SsePhaseResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var directory = context.Directory("sse");
        await using var cluster = await ServedCluster.StartAsync(context.Programs, context.Database, context.Tokens, "server_sse",
            options.Scenario, options.Speed, verboseJsonLog: false, directory, cancellationToken);
        using var operatorClient = cluster.Server.Client(context.Tokens.Operator);
        using var streamClient = cluster.Server.Client(context.Tokens.Viewer, connections: options.Subscribers, timeout: Timeout.InfiniteTimeSpan);

        var afterSeq = await JournalReader.LastSeqAsync(cluster.ConnectionString, cancellationToken);
        await using var subscribers = new EventSubscribers(streamClient, options.Subscribers);
        await subscribers.ConnectAsync(TimeSpan.FromMinutes(1));

        await context.Database.ResetStatementsAsync(cancellationToken);
        var pollsBefore = await DrainsApi.MetricAsync(operatorClient, FeedPollsMetric, cancellationToken);
        var before = Readings.Take(cluster.Server.ProcessId);
        var ids = new List<Guid>();
        foreach (var nodes in options.Drains)
        {
            ids.Add(await DrainsApi.StartAsync(operatorClient, nodes, cancellationToken));
        }

        var drains = await DrainsApi.WaitFinalAsync(operatorClient, ids, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(20), cancellationToken);
        var journal = await JournalReader.ReadAsync(cluster.ConnectionString, afterSeq, cancellationToken);
        var allReceived = journal.Count == 0 || await subscribers.WaitForAsync(journal[^1].Seq, TimeSpan.FromMinutes(1));
        var window = Readings.Between(before, Readings.Take(cluster.Server.ProcessId));
        var pollsAfter = await DrainsApi.MetricAsync(operatorClient, FeedPollsMetric, cancellationToken);
        var statements = await context.Database.StatementsAsync(cluster.DatabaseName, cancellationToken);
        await subscribers.StopAsync();

        var truth = GroundTruth.Parse(await cluster.Simulator.GroundTruthDocumentAsync(cancellationToken));
        if (options.KeepDirectory is not null)
        {
            await cluster.SaveLogAsync(directory);
        }

        // The feed's query reads every drain's journal (no drain_id condition); a stream's catch-up would read one drain's.
        var feedQueries = statements.Where(s => s.Query.Contains("FROM event_journal WHERE seq >", StringComparison.Ordinal)
            && !s.Query.Contains("drain_id =", StringComparison.Ordinal)).Sum(s => s.Calls);
        return SsePhaseResult.From(options, subscribers.Subscribers, journal, allReceived, window, pollsAfter - pollsBefore, feedQueries,
            drains, truth);
    }
}

/// <summary>What the fan-out phase measured.</summary>
internal sealed record SsePhaseResult(
    int Subscribers,
    int Events,
    long Deliveries,
    bool AllReceivedInTime,
    int SubscribersExact,
    long Missing,
    long Duplicates,
    long OutOfOrder,
    long KindMismatches,
    IReadOnlyList<string> StreamErrors,
    Distribution Lag,
    Distribution LastSubscriberLag,
    Distribution Spread,
    Window Window,
    double FeedPolls,
    long FeedQueries,
    IReadOnlyList<DrainState> Drains,
    int Migrations,
    int PeakInFlight,
    int LimitViolations,
    int VmiLosses)
{
    /// <summary>Every subscriber received every event of the journal exactly once, in order, and nothing else.</summary>
    public bool ExactlyOnceInOrder => SubscribersExact == Subscribers && Events > 0;

    public static SsePhaseResult From(ServerBenchOptions options, IReadOnlyList<Subscriber> subscribers, IReadOnlyList<JournalEvent> journal,
        bool allReceived, Window window, double feedPolls, long feedQueries, IReadOnlyList<DrainState> drains, GroundTruth truth)
    {
        var bySeq = journal.ToDictionary(e => e.Seq);
        var expected = journal.Select(e => e.Seq).ToArray();
        int exact = 0;
        long missing = 0, duplicates = 0, outOfOrder = 0, kindMismatches = 0;
        var lags = new List<double>(journal.Count * subscribers.Count);
        var firstReceipt = new Dictionary<long, DateTimeOffset>();
        var lastReceipt = new Dictionary<long, DateTimeOffset>();
        foreach (var subscriber in subscribers)
        {
            var events = subscriber.Events;
            if (events.Select(e => e.Seq).SequenceEqual(expected))
            {
                exact++;
            }

            var seen = new HashSet<long>();
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (!seen.Add(e.Seq))
                {
                    duplicates++;
                }

                if (i > 0 && e.Seq <= events[i - 1].Seq)
                {
                    outOfOrder++;
                }

                if (!bySeq.TryGetValue(e.Seq, out var written))
                {
                    continue;
                }

                if (!string.Equals(written.Kind, e.Kind, StringComparison.Ordinal))
                {
                    kindMismatches++;
                }

                lags.Add((e.ReceivedAt - written.OccurredAt).TotalMilliseconds);
                firstReceipt[e.Seq] = firstReceipt.TryGetValue(e.Seq, out var first) && first < e.ReceivedAt ? first : e.ReceivedAt;
                lastReceipt[e.Seq] = lastReceipt.TryGetValue(e.Seq, out var last) && last > e.ReceivedAt ? last : e.ReceivedAt;
            }

            missing += expected.Count(s => !seen.Contains(s));
        }

        return new SsePhaseResult(
            options.Subscribers,
            journal.Count,
            subscribers.Sum(s => (long)s.Events.Count),
            allReceived,
            exact,
            missing,
            duplicates,
            outOfOrder,
            kindMismatches,
            [.. subscribers.Where(s => s.Error is not null).Select(s => $"subscriber {s.Number}: {s.Error}")],
            Distribution.Of(lags),
            Distribution.Of(lastReceipt.Select(p => (p.Value - bySeq[p.Key].OccurredAt).TotalMilliseconds)),
            Distribution.Of(lastReceipt.Select(p => (p.Value - firstReceipt[p.Key]).TotalMilliseconds)),
            window,
            feedPolls,
            feedQueries,
            drains,
            truth.Migrations.Count,
            truth.PeakInFlight,
            truth.LimitViolations,
            truth.VmiLosses);
    }
}
