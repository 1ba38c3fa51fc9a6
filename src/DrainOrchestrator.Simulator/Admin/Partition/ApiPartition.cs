namespace DrainOrchestrator.Simulator.Admin.Partition;

/// <summary>
/// A network partition between the clients and the Kubernetes API (the admin API stays reachable): while it lasts,
/// every request hangs without a byte of answer and open watch streams fall silent; when it ends, each of those
/// connections is dropped (as a client sees a partition heal: its old TCP connections are dead) and new requests are
/// served again. Its durations are wall-clock time, as the clients' own timeouts are.
/// </summary>
public sealed class ApiPartition(TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _begun = new();
    private TaskCompletionSource _healed = Healed();
    private DateTimeOffset? _until;
    private ITimer? _timer;

    /// <summary>When the partition ends; null when there is none.</summary>
    public DateTimeOffset? Until
    {
        get
        {
            lock (_gate)
            {
                return _until;
            }
        }
    }

    /// <summary>Cancelled when the next partition begins (an open stream falls silent then).</summary>
    public CancellationToken Begun
    {
        get
        {
            lock (_gate)
            {
                return _begun.Token;
            }
        }
    }

    /// <summary>Partitions the API for <paramref name="duration"/> from now (extending or shortening one in progress).</summary>
    public void Start(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        CancellationTokenSource? begun = null;
        lock (_gate)
        {
            if (_until is null)
            {
                _healed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                begun = _begun;
                _begun = new CancellationTokenSource();
            }

            _until = time.GetUtcNow() + duration;
            _timer?.Dispose();
            _timer = time.CreateTimer(_ => Heal(), null, duration, Timeout.InfiniteTimeSpan);
        }

        begun?.Cancel();
        begun?.Dispose();
    }

    /// <summary>Ends the partition now, if there is one.</summary>
    public void Heal()
    {
        TaskCompletionSource healed;
        lock (_gate)
        {
            if (_until is null)
            {
                return;
            }

            _until = null;
            _timer?.Dispose();
            _timer = null;
            healed = _healed;
        }

        healed.TrySetResult();
    }

    /// <summary>
    /// When partitioned, waits (sending nothing) until the partition heals and then drops the connection; true when it
    /// did, so the caller must not answer. False at once when there is no partition.
    /// </summary>
    public async Task<bool> HoldAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        Task healed;
        lock (_gate)
        {
            if (_until is null)
            {
                return false;
            }

            healed = _healed.Task;
        }

        await healed.WaitAsync(cancellationToken);
        http.Abort();
        return true;
    }

    /// <summary>Heals any partition and releases its timer.</summary>
    public void Dispose()
    {
        Heal();
        lock (_gate)
        {
            _begun.Dispose();
        }
    }

    private static TaskCompletionSource Healed()
    {
        var healed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        healed.SetResult();
        return healed;
    }
}
