using System.Net;
using DrainOrchestrator.Kubernetes.Errors;

namespace DrainOrchestrator.Kubernetes.Client.Watching;

/// <summary>
/// How one list-then-watch stands, kept by its runner and read by anyone (thread-safe): when it was last known in sync
/// (a list completed, a watch opened or delivered), and since when it has been failing and why. Pass one in
/// <see cref="ListWatchOptions.Health"/> to follow a <see cref="KubernetesClient.ListAndWatchAsync{T}"/>.
/// </summary>
public sealed class ListWatchHealth
{
    private readonly Lock _gate = new();
    private ListWatchStatus _status = ListWatchStatus.NotStarted;

    /// <summary>The status now.</summary>
    public ListWatchStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    internal void Listed(DateTimeOffset now)
    {
        lock (_gate)
        {
            _status = _status with { InSync = true, LastInSyncAt = now, LastListedAt = now, FailingSince = null };
        }
    }

    internal void Delivered(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_status.LastListedAt is not null)
            {
                _status = _status with { InSync = true, LastInSyncAt = now, LastEventAt = now, FailingSince = null };
            }
        }
    }

    internal void Failed(DateTimeOffset now, Exception error)
    {
        lock (_gate)
        {
            _status = _status with
            {
                InSync = false,
                FailingSince = _status.FailingSince ?? now,
                LastError = error.Message,
                LastStatusCode = (error as KubernetesApiException)?.StatusCode,
                Failures = _status.Failures + 1,
            };
        }
    }
}

/// <summary>One reading of a <see cref="ListWatchHealth"/>.</summary>
/// <param name="InSync">Whether the last list or watch succeeded (its cache follows the server).</param>
/// <param name="LastInSyncAt">The last time it was known in sync: a list completed, a watch opened or delivered.</param>
/// <param name="LastListedAt">When the last list completed; null before the first.</param>
/// <param name="LastEventAt">When the last watch event (or watch opening) arrived.</param>
/// <param name="FailingSince">When the current run of failures began (the cache was last known in sync then); null while in sync.</param>
/// <param name="LastError">The last failure's message, kept after recovery.</param>
/// <param name="LastStatusCode">The last failure's HTTP status (null for a transport failure).</param>
/// <param name="Failures">How many lists or watches failed so far.</param>
public sealed record ListWatchStatus(
    bool InSync,
    DateTimeOffset? LastInSyncAt,
    DateTimeOffset? LastListedAt,
    DateTimeOffset? LastEventAt,
    DateTimeOffset? FailingSince,
    string? LastError,
    HttpStatusCode? LastStatusCode,
    long Failures)
{
    /// <summary>Before the first list.</summary>
    public static ListWatchStatus NotStarted { get; } = new(false, null, null, null, null, null, null, 0);

    /// <summary>
    /// How long the cache may have missed changes at <paramref name="now"/>: zero while in sync, else the time since the
    /// failures began (until then an open watch kept it current, however quiet).
    /// </summary>
    public TimeSpan StalenessAt(DateTimeOffset now) => FailingSince is { } since && now > since ? now - since : TimeSpan.Zero;
}
