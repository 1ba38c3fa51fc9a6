using DrainOrchestrator.Persistence.Leases;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// The drain's database lease held by this process: acquired (waiting for a crashed owner's lease to expire), renewed
/// by a heartbeat, and released at the end. <see cref="Lost"/> is cancelled the moment a renewal fails.
/// </summary>
internal sealed class OwnershipLease : IAsyncDisposable
{
    private readonly LeaseStore _store;
    private readonly DrainEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private Lease _lease;
    private Task _heartbeat = Task.CompletedTask;

    private OwnershipLease(LeaseStore store, DrainEngineOptions options, TimeProvider time, ILogger logger, Lease lease)
    {
        (_store, _options, _time, _logger, _lease) = (store, options, time, logger, lease);
    }

    /// <summary>The lease as last renewed (its epoch is the fencing token).</summary>
    public Lease Current => Volatile.Read(ref _lease);

    /// <summary>Cancelled when the lease is lost.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>The lease name of a drain.</summary>
    public static string NameFor(Guid drainId) => "drain/" + drainId.ToString("D");

    /// <summary>Acquires the drain's lease, waiting while another live owner holds it; starts the heartbeat.</summary>
    public static async Task<OwnershipLease> AcquireAsync(LeaseStore store, Guid drainId, DrainEngineOptions options,
        TimeProvider time, ILogger logger, Func<CancellationToken, Task<bool>> stillWanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lease = await store.TryAcquireAsync(NameFor(drainId), options.Holder, options.LeaseDuration, cancellationToken);
            if (lease is not null)
            {
                EngineLog.LeaseAcquired(logger, lease.Name, lease.Epoch);
                var owned = new OwnershipLease(store, options, time, logger, lease);
                owned._heartbeat = owned.HeartbeatAsync();
                return owned;
            }

            if (!await stillWanted(cancellationToken))
            {
                throw new OperationCanceledException("The drain finished while this process waited for its lease.");
            }

            EngineLog.LeaseBusy(logger, NameFor(drainId));
            await Task.Delay(options.HeartbeatInterval, time, cancellationToken);
        }
    }

    private async Task HeartbeatAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(_options.HeartbeatInterval, _time, _stop.Token);
                try
                {
                    Volatile.Write(ref _lease, await _store.RenewAsync(Current, _options.LeaseDuration, _stop.Token));
                }
                catch (LeaseLostException ex)
                {
                    EngineLog.LeaseLost(_logger, Current.Name, ex.Message);
                    await _lost.CancelAsync();
                    return;
                }
                catch (Npgsql.NpgsqlException ex)
                {
                    // The database is unreachable: keep trying until the lease would have expired anyway.
                    EngineLog.HeartbeatFailed(_logger, Current.Name, ex.Message);
                    if (_time.GetUtcNow() >= Current.ExpiresAt)
                    {
                        await _lost.CancelAsync();
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>Stops the heartbeat and gives the lease up so another process need not wait for expiry.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat;
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                await _store.ReleaseAsync(Current, CancellationToken.None);
            }
            catch (Npgsql.NpgsqlException ex)
            {
                EngineLog.HeartbeatFailed(_logger, Current.Name, ex.Message);
            }
        }

        _stop.Dispose();
        _lost.Dispose();
    }
}
