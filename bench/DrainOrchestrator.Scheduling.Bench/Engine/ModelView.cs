using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// The engine's view of the simulated cluster: a <see cref="ClusterCache"/> fed as informers feed it
/// (<see cref="ModelFeed"/>), which also knows when the engine is idle. The engine is idle while it waits in the view for
/// a change it has not seen (<see cref="WhenChangedAsync"/>, or the migrate loop's wait with its wake-up time), so the
/// harness may move model time then, and only then: up to the next cluster event or the engine's wake-up time.
/// </summary>
internal sealed class ModelView(TimeProvider clock) : IClusterView
{
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiters = [];
    private TaskCompletionSource _parked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClusterCache Cache { get; } = new();

    public long Version => Cache.Version;

    public ClusterState Current => Cache.Current;

    public ClusterChanges? ChangesSince(long through) => Cache.ChangesSince(through);

    public Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken) => ParkAsync(seenVersion, null, cancellationToken);

    public Task WhenChangedOrElapsedAsync(long seenVersion, TimeSpan delay, TimeProvider time, CancellationToken cancellationToken) =>
        ParkAsync(seenVersion, clock.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), cancellationToken);

    public Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult(Cache.Current.FindVmi(@namespace, name));

    /// <summary>
    /// Waits until the engine is idle and returns when it wants to be woken (null: only by a change, or by one of its
    /// timers on the clock); null as well when <paramref name="run"/> ended first.
    /// </summary>
    public async Task<(bool Idle, DateTimeOffset? WakeAt)> WhenIdleAsync(Task run, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(patience);
        while (true)
        {
            Task parked;
            lock (_gate)
            {
                var version = Cache.Version;
                if (_waiters.Count > 0 && _waiters.All(w => w.IsIdleAt(version)))
                {
                    return (true, _waiters.Min(w => w.WakeAt));
                }

                parked = _parked.Task;
            }

            if (run.IsCompleted)
            {
                return (false, null);
            }

            try
            {
                await Task.WhenAny(parked, run).WaitAsync(guard.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"the engine neither waited in the view nor ended within {patience.TotalSeconds:0} s of wall time: it waits on something the harness does not drive (a database outage, a lease, a fenced create)");
            }
        }
    }

    /// <summary>Wakes every waiter whose wake-up time has come (model time now).</summary>
    public void WakeDue()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.WakeAt <= now))
            {
                waiter.Wake();
            }
        }
    }

    private async Task ParkAsync(long seenVersion, DateTimeOffset? wakeAt, CancellationToken cancellationToken)
    {
        if (Cache.Version > seenVersion)
        {
            return;
        }

        var waiter = new Waiter(seenVersion, wakeAt);
        TaskCompletionSource parked;
        lock (_gate)
        {
            _waiters.Add(waiter);
            parked = _parked;
            _parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // A cancelled wait (the engine's own timeout on the clock) ends the idleness at once, on the cancelling thread.
        await using var cancelled = cancellationToken.Register(waiter.Wake);
        parked.TrySetResult();
        try
        {
            await Task.WhenAny(Cache.WhenChangedAsync(seenVersion, cancellationToken), waiter.Woken);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed class Waiter(long seen, DateTimeOffset? wakeAt)
    {
        private readonly TaskCompletionSource _woken = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset? WakeAt => wakeAt;

        public Task Woken => _woken.Task;

        // Idle while nothing it has not seen happened and nothing woke it.
        public bool IsIdleAt(long version) => version <= seen && !_woken.Task.IsCompleted;

        public void Wake() => _woken.TrySetResult();
    }
}
