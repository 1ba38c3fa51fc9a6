using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Migrations;
using Npgsql;

namespace DrainOrchestrator.Application.Health;

/// <summary>
/// Whether this process can do its work now: PostgreSQL answers, every schema file this build carries is applied, and
/// the Kubernetes API answers a read while the informers' view (listed at start, kept by watches) is in place, and that
/// view follows the API server: stale beyond <paramref name="viewStaleBound"/> (a revoked list or watch permission, an
/// outage), the drains this process runs hold, and it is not ready.
/// </summary>
public sealed class ReadinessProbe(NpgsqlDataSource dataSource, ClusterConnection cluster, TimeProvider timeProvider, TimeSpan viewStaleBound)
{
    /// <summary>Checks every dependency (each bounded by <paramref name="timeout"/>) and reports them all.</summary>
    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var database = CheckDatabaseAsync(timeout, cancellationToken);
        var api = CheckClusterAsync(timeout, cancellationToken);
        var (db, schema) = await database;
        var answered = await api;
        return [db, schema, answered, CheckView(answered.Ready)];
    }

    // A watch whose server stopped answering (a frozen process, a dropped route) delivers nothing and fails nothing until
    // the client abandons it; meanwhile the informers look as if they follow. A read the API server does not answer
    // says they cannot be trusted to, whatever they report.
    private ReadinessCheck CheckView(bool apiAnswers)
    {
        var now = timeProvider.GetUtcNow();
        var health = cluster.View.Health;
        var stale = health.StalenessAt(now);
        if (!apiAnswers)
        {
            return new ReadinessCheck("cluster-view", false, stale > TimeSpan.Zero
                ? $"stale for {stale.TotalSeconds:0} s and the API server does not answer: {health.ReasonAt(now)}"
                : "unconfirmed: the API server does not answer a read, so the informers' watches may be silently dead");
        }

        return stale > viewStaleBound
            ? new ReadinessCheck("cluster-view", false,
                $"stale for {stale.TotalSeconds:0} s (bound {viewStaleBound.TotalSeconds:0} s), drains hold: {health.ReasonAt(now)}")
            : new ReadinessCheck("cluster-view", true, stale > TimeSpan.Zero
                ? $"catching up for {stale.TotalSeconds:0} s (bound {viewStaleBound.TotalSeconds:0} s): {health.ReasonAt(now)}"
                : "every informer follows the API server");
    }

    private async Task<(ReadinessCheck Database, ReadinessCheck Schema)> CheckDatabaseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(bounded.Token);
            var applied = await SchemaMigrator.ReadAppliedAsync(connection, bounded.Token);
            var expected = MigrationSet.Embedded().Scripts;
            var missing = expected.Where(s => !applied.Any(a => a.Version == s.Version)).Select(s => s.FileName).ToList();
            var schema = missing.Count == 0
                ? new ReadinessCheck("schema", true, $"{applied.Count} schema files applied")
                : new ReadinessCheck("schema", false, "not applied: " + string.Join(", ", missing));
            return (new ReadinessCheck("database", true, "PostgreSQL answers"), schema);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            var why = ex is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : DatabaseErrors.Describe(ex);
            return (new ReadinessCheck("database", false, why), new ReadinessCheck("schema", false, "unknown: the database is unreachable"));
        }
    }

    private async Task<ReadinessCheck> CheckClusterAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await cluster.Client.ListAsync<Node>(null, new ListOptions { Limit = 1 }, bounded.Token);
            return new ReadinessCheck("cluster", true, $"{cluster.Cluster} answers; the informers' view holds {cluster.View.Current.Nodes.Count} nodes");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var why = ex is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : ex.Message;
            return new ReadinessCheck("cluster", false, $"{cluster.Cluster}: {why}");
        }
    }
}
