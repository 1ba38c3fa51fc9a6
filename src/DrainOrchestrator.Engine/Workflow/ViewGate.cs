using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Whether the drain may act on its view of the cluster: once the view has not followed the API server for longer than
/// <see cref="DrainEngineOptions.ViewStaleBound"/> the drain holds (starts nothing new, journals
/// <see cref="DrainViewStale"/> once), resumes when it follows again (<see cref="DrainViewRecovered"/>), and stops the
/// run as interrupted past <see cref="DrainEngineOptions.ViewStaleTimeout"/>. Staleness comes from the view's informers
/// on the engine's clock.
/// </summary>
internal sealed class ViewGate(DrainContext context)
{
    private bool? _holding;
    private DateTimeOffset _heldSince;

    /// <summary>Whether the drain must hold now; journals a change of state once; throws past the timeout.</summary>
    public async Task<bool> HoldsAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var health = context.View.Health;
        var stale = health.StalenessAt(now);
        _holding ??= await WasHoldingAsync(now, cancellationToken);
        var reason = health.ReasonAt(now) ?? "";
        if (stale > context.Options.ViewStaleTimeout)
        {
            throw new InfrastructureFailureException(
                $"the cluster view has not followed the API server for {stale.TotalSeconds:0} s, beyond the view-stale timeout of "
                + $"{context.Options.ViewStaleTimeout.TotalSeconds:0} s ({reason}). Restore the drain's access to the API server "
                + "(RBAC, network), then run the same command again: the drain is intact and resumes.");
        }

        if (stale > context.Options.ViewStaleBound)
        {
            if (_holding != true)
            {
                var bound = context.Options.ViewStaleBound.TotalSeconds;
                await context.Writer.WriteAsync(new DrainViewStale(now - stale, Math.Round(stale.TotalSeconds, 1), bound, reason), null, cancellationToken);
                EngineLog.ViewStale(context.Logger, context.Drain.Name, stale.TotalSeconds, bound, reason);
                (_holding, _heldSince) = (true, now);
            }

            return true;
        }

        if (_holding == true)
        {
            var held = Math.Round((now - _heldSince).TotalSeconds, 1);
            await context.Writer.WriteAsync(new DrainViewRecovered(held), null, cancellationToken);
            EngineLog.ViewRecovered(context.Logger, context.Drain.Name, held);
            _holding = false;
        }

        return false;
    }

    /// <summary>Waits, a heartbeat at a time, until the view may be acted on (steps that read it once: validate, cordon, plan).</summary>
    public async Task WaitUntilFreshAsync(CancellationToken cancellationToken)
    {
        while (await HoldsAsync(cancellationToken))
        {
            await Task.Delay(context.Options.HeartbeatInterval, context.Time, cancellationToken);
            await context.Ownership.EnsureFreshAsync(cancellationToken);
        }
    }

    // A run that stopped while holding (a crash, the timeout) left the hold journaled: its end is journaled too.
    private async Task<bool> WasHoldingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await context.Journal.ReadAsync<DrainViewEvent>(context.Id, cancellationToken);
        _heldSince = now;
        return events.Count > 0 && events[^1] is DrainViewStale;
    }
}
