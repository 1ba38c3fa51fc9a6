using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Follows the KubeVirt CR's migration settings pass by pass (the view's informer holds the CR; each pass maps it anew,
/// so the budget and the scheduler use the current limits) and journals each change once, with the old and new values.
/// The first pass of a run takes the last journaled settings as the old ones, so a change made while no engine ran is
/// journaled too; a drain without any journaled change starts from what its first pass sees.
/// </summary>
internal sealed class LimitsFollower(DrainContext context)
{
    private ClusterLimits? _followed;
    private bool _loaded;

    public async Task FollowAsync(ClusterMigrationConfig config, CancellationToken cancellationToken)
    {
        var now = Of(config);
        if (!_loaded)
        {
            var changes = await context.Journal.ReadAsync<ClusterLimitsChanged>(context.Id, cancellationToken);
            _followed = changes.Count > 0 ? changes[^1].New : now;
            _loaded = true;
        }

        if (now == _followed)
        {
            return;
        }

        await context.Writer.WriteAsync(new ClusterLimitsChanged(_followed!, now), null, cancellationToken);
        EngineLog.LimitsChanged(context.Logger, context.Drain.Name, _followed!.ToString(), now.ToString());
        _followed = now;
    }

    private static ClusterLimits Of(ClusterMigrationConfig config) => new(
        config.ParallelMigrationsPerCluster,
        config.ParallelOutboundMigrationsPerNode,
        config.Settings.BandwidthPerMigrationBytesPerSecond,
        config.Settings.CompletionTimeoutPerGiB.TotalSeconds,
        config.ProgressTimeout.TotalSeconds);
}
