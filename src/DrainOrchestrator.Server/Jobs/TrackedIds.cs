namespace DrainOrchestrator.Server.Jobs;

/// <summary>What a supervisor remembers per item, kept as small as the items it still sees.</summary>
internal static class TrackedIds
{
    /// <summary>Forgets every item of <paramref name="tracked"/> not in <paramref name="ids"/>.</summary>
    public static void KeepOnly<T>(this Dictionary<Guid, T> tracked, IEnumerable<Guid> ids)
    {
        var keep = ids.ToHashSet();
        foreach (var gone in tracked.Keys.Where(id => !keep.Contains(id)).ToList())
        {
            tracked.Remove(gone);
        }
    }
}
