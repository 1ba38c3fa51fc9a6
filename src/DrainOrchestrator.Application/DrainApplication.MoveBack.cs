using DrainOrchestrator.Application.Drains;

namespace DrainOrchestrator.Application;

public sealed partial class DrainApplication
{
    /// <summary>
    /// Records a move-back of drain <paramref name="drainIdOrName"/> (or finds its unfinished one to attach to): a run that
    /// returns each VM the drain live-migrated to its original node, when that node is back and has room, under the
    /// drain's policy. Run it like a drain (<see cref="RunAsync(Guid, Engine.DrainEngineOptions, IProgress{Engine.Progress.DrainProgress}, CancellationToken)"/>).
    /// Throws <see cref="DrainNotFoundException"/> for an unknown drain and <see cref="Requests.InvalidRequestException"/>
    /// for one that cannot be returned (unfinished, moved nothing, itself a move-back, another cluster's).
    /// </summary>
    public async Task<StartedDrain> MoveBackAsync(string drainIdOrName, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(drainIdOrName))
        {
            throw new DrainNotFoundException(drainIdOrName ?? string.Empty);
        }

        var (moveBack, attached) = await new MoveBackStarter(dataSource, timeProvider)
            .StartAsync(Cluster.Cluster, drainIdOrName, caller, cancellationToken);
        return new StartedDrain(DrainViews.Of(moveBack), attached);
    }
}
