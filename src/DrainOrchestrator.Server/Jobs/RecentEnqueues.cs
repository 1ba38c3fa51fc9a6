namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// What a supervisor enqueued and when, so that it does not enqueue the same item again while the job it enqueued may
/// still be on its way (within a job's invisibility). Forgets what is no longer unattended, so it stays as small as the
/// backlog.
/// </summary>
internal sealed class RecentEnqueues(TimeSpan within)
{
    private readonly Dictionary<Guid, DateTimeOffset> _at = [];

    public bool Recently(Guid id, DateTimeOffset now) => _at.TryGetValue(id, out var at) && now - at < within;

    public void Add(Guid id, DateTimeOffset now) => _at[id] = now;

    public void KeepOnly(IEnumerable<Guid> ids) => _at.KeepOnly(ids);
}
