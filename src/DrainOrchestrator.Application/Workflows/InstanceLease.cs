using DrainOrchestrator.Persistence.Leases;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// The lease that makes one process at a time run a workflow instance: taken when free or expired, renewed every third
/// of its duration; when a renewal fails the run is cancelled (another process may take over once it expires).
/// </summary>
internal sealed class InstanceLease : IAsyncDisposable
{
    private readonly LeaseStore _store;
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewing;
    private Lease _lease;

    private InstanceLease(LeaseStore store, Lease lease, TimeSpan duration, TimeProvider time)
    {
        (_store, _lease) = (store, lease);
        _renewing = RenewAsync(duration, time);
    }

    /// <summary>Cancelled when the lease is lost.</summary>
    public CancellationToken Lost => _lost.Token;

    public static string NameFor(Guid id) => "workflow/" + id.ToString("D");

    /// <summary>
    /// The lease, or null when another live process holds it: a holder that crashed is outwaited (its lease expires
    /// within one duration), one that keeps renewing is not.
    /// </summary>
    public static async Task<InstanceLease?> TryAcquireAsync(LeaseStore store, Guid id, string holder, TimeSpan duration, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + duration + TimeSpan.FromSeconds(2);
        while (true)
        {
            if (await store.TryAcquireAsync(NameFor(id), holder, duration, cancellationToken) is { } lease)
            {
                return new InstanceLease(store, lease, duration, time);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lost.CancelAsync();
        try
        {
            await _renewing;
        }
        catch (OperationCanceledException)
        {
        }

        await _store.ReleaseAsync(_lease, CancellationToken.None);
        _lost.Dispose();
    }

    private async Task RenewAsync(TimeSpan duration, TimeProvider time)
    {
        while (!_lost.IsCancellationRequested)
        {
            await Task.Delay(duration / 3, time, _lost.Token);
            try
            {
                _lease = await _store.RenewAsync(_lease, duration, _lost.Token);
            }
            catch (LeaseLostException)
            {
                await _lost.CancelAsync();
            }
        }
    }
}
