using DrainOrchestrator.Engine.Telemetry;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Leases;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// The drain's database lease held by this process: acquired (waiting for a crashed owner's lease to expire), renewed
/// by a heartbeat, and released at the end. An unreachable database does not make it give the lease up: the heartbeat
/// keeps trying, the lease stops being fresh, and the drain waits (<see cref="EnsureFreshAsync"/>) until it is
/// confirmed again, re-taken if it expired untouched. <see cref="Lost"/> is cancelled the moment another process is
/// found holding it.
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
    private long _grantedSince;
    private readonly long _acquiredSince;
    private Task _heartbeat = Task.CompletedTask;
    private int _lostSignalled;
    private int _retakes;

    private OwnershipLease(LeaseStore store, DrainEngineOptions options, TimeProvider time, ILogger logger, Lease lease, long grantedSince)
    {
        (_store, _options, _time, _logger, _lease, _grantedSince, _acquiredSince) = (store, options, time, logger, lease, grantedSince, grantedSince);
    }

    /// <summary>The lease as last renewed (its epoch is the fencing token).</summary>
    public Lease Current => Volatile.Read(ref _lease);

    /// <summary>
    /// Whether the lease is provably ours for at least half its duration more, as of its last renewal. Measured by this
    /// process's elapsed time since it sent the request that granted it: the database granted the full duration from a
    /// moment after that, by its own clock, so neither the clocks' disagreement nor a step of the wall clock matters.
    /// </summary>
    public bool IsFresh => _time.GetElapsedTime(Interlocked.Read(ref _grantedSince)) < _options.LeaseDuration / 2;

    /// <summary>
    /// How long the lease is provably ours yet, as of its last renewal (measured as <see cref="IsFresh"/> is); zero or
    /// negative once it may have expired. A VMIM create is sent only while this exceeds its deadline and a margin
    /// (<see cref="Migrate.CreateFence"/>).
    /// </summary>
    public TimeSpan Remaining => _options.LeaseDuration - _time.GetElapsedTime(Interlocked.Read(ref _grantedSince));

    /// <summary>How long since this process acquired the lease (by its own elapsed time, from the request that granted it).</summary>
    public TimeSpan HeldFor => _time.GetElapsedTime(_acquiredSince);

    /// <summary>How many times the lease was re-taken after it had expired untouched (by the heartbeat or a confirmation).</summary>
    public int Retakes => Volatile.Read(ref _retakes);

    /// <summary>Cancelled when the lease is lost.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>The lease name of a drain.</summary>
    public static string NameFor(Guid drainId) => "drain/" + drainId.ToString("D");

    /// <summary>Acquires the drain's lease, waiting while another live owner holds it; starts the heartbeat.</summary>
    public static Task<OwnershipLease> AcquireAsync(LeaseStore store, Guid drainId, DrainEngineOptions options,
        TimeProvider time, ILogger logger, Func<CancellationToken, Task<bool>> stillWanted, CancellationToken cancellationToken) =>
        AcquireAsync(store, NameFor(drainId), options, time, logger, stillWanted, cancellationToken);

    /// <summary>Acquires the lease <paramref name="name"/> (a drain's or an evacuation's), as the drain's overload does.</summary>
    public static async Task<OwnershipLease> AcquireAsync(LeaseStore store, string name, DrainEngineOptions options,
        TimeProvider time, ILogger logger, Func<CancellationToken, Task<bool>> stillWanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sent = time.GetTimestamp();
            var lease = await store.TryAcquireAsync(name, options.Holder, options.LeaseDuration, cancellationToken);
            if (lease is not null)
            {
                EngineLog.LeaseAcquired(logger, lease.Name, lease.Epoch);
                EngineMetrics.LeaseAcquired(lease.Epoch);
                var owned = new OwnershipLease(store, options, time, logger, lease, sent);
                owned._heartbeat = owned.HeartbeatAsync();
                return owned;
            }

            if (!await stillWanted(cancellationToken))
            {
                throw new OperationCanceledException("The work finished while this process waited for its lease.");
            }

            EngineLog.LeaseBusy(logger, name);
            await Task.Delay(options.HeartbeatInterval, time, cancellationToken);
        }
    }

    /// <summary>
    /// Renews the lease now, re-taking it if it expired while nobody else took it (same holder and epoch, so nobody
    /// else can have acted). Returns true when it had expired. Throws <see cref="LeaseLostException"/>, and cancels
    /// <see cref="Lost"/>, when another process took it over; database errors propagate.
    /// </summary>
    public async Task<bool> ConfirmAsync(CancellationToken cancellationToken)
    {
        var held = Current;
        var sent = _time.GetTimestamp();
        var renewed = await _store.TryReclaimAsync(held, _options.LeaseDuration, cancellationToken);
        if (renewed is null)
        {
            var lost = new LeaseLostException(
                $"Lease '{held.Name}' (epoch {held.Epoch}) was taken over by another process; this process stops acting on it.")
            {
                LeaseName = held.Name,
            };
            await SignalLostAsync(lost.Message);
            throw lost;
        }

        Volatile.Write(ref _lease, renewed);
        Interlocked.Exchange(ref _grantedSince, sent);
        var expired = renewed.WasExpired;
        if (expired)
        {
            Interlocked.Increment(ref _retakes);
            EngineLog.LeaseRetaken(_logger, renewed.Name, renewed.Epoch);
        }

        return expired;
    }

    /// <summary>Returns at once while the lease is fresh; otherwise confirms it first (see <see cref="ConfirmAsync"/>).</summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (!IsFresh)
        {
            await ConfirmAsync(cancellationToken);
        }
    }

    private async Task HeartbeatAsync()
    {
        var failing = false;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(_options.HeartbeatInterval, _time, _stop.Token);
                try
                {
                    await ConfirmAsync(_stop.Token);
                    failing = false;
                }
                catch (LeaseLostException)
                {
                    return;
                }
                catch (Npgsql.NpgsqlException ex)
                {
                    // Keep trying: an unreachable database is no reason to give the lease up. The drain stops acting
                    // once the lease is no longer fresh (EnsureFreshAsync) and reports the outage itself.
                    if (!failing)
                    {
                        EngineLog.HeartbeatFailed(_logger, Current.Name, DatabaseErrors.Describe(ex));
                    }

                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task SignalLostAsync(string reason)
    {
        if (Interlocked.Exchange(ref _lostSignalled, 1) == 0)
        {
            EngineLog.LeaseLost(_logger, Current.Name, reason);
            await _lost.CancelAsync();
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
                EngineLog.LeaseReleaseFailed(_logger, Current.Name, DatabaseErrors.Describe(ex));
            }
        }

        _stop.Dispose();
        _lost.Dispose();
    }
}
