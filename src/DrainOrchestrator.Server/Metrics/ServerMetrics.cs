using System.Diagnostics.Metrics;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Server.Events;
using DrainOrchestrator.Server.Jobs;

namespace DrainOrchestrator.Server.Metrics;

/// <summary>
/// The server's instruments. The migration gauges are computed from the live informer view at the moment of the
/// scrape, so they equal what the cluster shows then; drains by state come from <see cref="DrainCounts"/>, the event
/// feed's database reads from <see cref="JournalFeed"/>.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "DrainOrchestrator.Server";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;

    public ServerMetrics(ClusterConnection cluster, DrainCounts counts, RunningDrains running, JournalFeed feed, TimeProvider timeProvider)
    {
        _requests = _meter.CreateCounter<long>("drain_orchestrator.api.requests", description: "API requests answered, by method, route and status.");
        _rateLimited = _meter.CreateCounter<long>("drain_orchestrator.api.rate_limited",
            description: "API requests refused with 429 because their caller exceeded its rate, by method.");
        _meter.CreateObservableGauge("drain_orchestrator.migrations.in_flight", () => InFlight(cluster),
            description: "Unfinished VMIMs in the cluster now: origin=ours (labelled with a drain id) or foreign.");
        _meter.CreateObservableGauge("drain_orchestrator.migrations.free_slots", () => ClusterOverview.Of(cluster).FreeSlots,
            description: "The cluster limit minus every unfinished VMIM, ours and foreign.");
        _meter.CreateObservableGauge("drain_orchestrator.migrations.cluster_limit", () => ClusterOverview.Of(cluster).ParallelMigrationsPerCluster,
            description: "KubeVirt's parallelMigrationsPerCluster.");
        _meter.CreateObservableGauge("drain_orchestrator.cluster_view.staleness", () => ViewStaleness(cluster, timeProvider), unit: "s",
            description: "Per informer (resource), how long its list-watch has not followed the API server; 0 while in sync. Drains hold beyond the view-stale bound.");
        _meter.CreateObservableGauge("drain_orchestrator.drains", () => counts.Current.Select(c =>
                new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", c.Key.ToString().ToLowerInvariant()))),
            description: "Drains by state, as recorded in the database (refreshed every few seconds).");
        _meter.CreateObservableGauge("drain_orchestrator.drains.owned", () => (long)running.Count,
            description: "Drains this replica runs now (their jobs hold or are taking their leases); summed over the replicas it should equal the running drains.");
        _meter.CreateObservableCounter("drain_orchestrator.events.feed.polls", () => feed.Polls,
            description: "Journal reads by the one poller that feeds every Server-Sent Events stream of this replica, however many are open.");
    }

    public void RequestAnswered(string method, string route, int status) =>
        _requests.Add(1, new("method", method), new("route", route), new("status", status));

    public void RequestRateLimited(string method) => _rateLimited.Add(1, new KeyValuePair<string, object?>("method", method));

    public void Dispose() => _meter.Dispose();

    private static List<Measurement<double>> ViewStaleness(ClusterConnection cluster, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        return cluster.View.Health.Informers.Select(i => new Measurement<double>(i.Status.StalenessAt(now).TotalSeconds,
            new KeyValuePair<string, object?>("resource", i.Resource))).ToList();
    }

    private static IEnumerable<Measurement<long>> InFlight(ClusterConnection cluster)
    {
        var overview = ClusterOverview.Of(cluster);
        return
        [
            new Measurement<long>(overview.InFlightOurs, new KeyValuePair<string, object?>("origin", "ours")),
            new Measurement<long>(overview.InFlightForeign, new KeyValuePair<string, object?>("origin", "foreign")),
        ];
    }
}
