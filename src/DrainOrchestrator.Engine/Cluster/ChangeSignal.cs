namespace DrainOrchestrator.Engine.Cluster;

/// <summary>A version counter with waiters: writers bump it, readers wait until it passes what they saw. Thread-safe.</summary>
public sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private long _version;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The current version.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Records a change and wakes every waiter.</summary>
    public void Bump()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            _version++;
            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    /// <summary>Completes once the version is above <paramref name="seenVersion"/>.</summary>
    public async Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_version > seenVersion)
                {
                    return;
                }

                next = _next.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }
}
