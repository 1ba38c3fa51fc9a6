using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Attempts;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// Gathers what a plan learns beyond the annotations: the metrics' dirty rates (when a Prometheus is configured) and the
/// history of earlier migrations. Metrics that cannot be read do not stop a plan: it says so in a warning and goes on
/// with what it has (docs/learned-inputs.md).
/// </summary>
public static class LearnedInputsLoader
{
    /// <summary>The snapshot with the metrics' dirty rates, the history, and a warning when the metrics could not be read.</summary>
    public static async Task<(ClusterSnapshot Snapshot, MigrationHistory History, string? Warning)> LoadAsync(
        ClusterState state, ClusterSnapshot snapshot, IReadOnlyCollection<string> nodes, string cluster, NpgsqlDataSource? dataSource,
        PrometheusReader? metrics, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(logger);
        string? warning = null;
        if (metrics is not null)
        {
            try
            {
                var rates = await metrics.DirtyRatesAsync(cancellationToken);
                snapshot = MetricDirtyRates.Apply(snapshot, rates);
                LearningLog.MetricsRead(logger, metrics.BaseUri.ToString(), rates.Count, snapshot.MetricDirtyRates.Count);
            }
            catch (PrometheusQueryException ex)
            {
                warning = $"dirty rates from the metrics are not used: {ex.Message}";
                LearningLog.MetricsUnavailable(logger, ex.Url.ToString(), ex.IsRetryable, ex.Message);
            }
        }

        var drained = nodes.ToHashSet(StringComparer.Ordinal);
        var uids = snapshot.Vmis.Where(v => drained.Contains(v.NodeName)).Select(v => v.Uid).ToList();
        var transfers = dataSource is null
            ? []
            : await new TransferHistoryStore(dataSource).ListAsync(cluster, uids, nodes, cancellationToken);
        var history = ObservedTransfers.History(transfers, state, snapshot).WithTargetStartup(HistoryStartups.Of(transfers, logger));
        LearningLog.HistoryRead(logger, transfers.Count, history.VmiCount);
        return (snapshot, history, warning);
    }
}
