namespace DrainOrchestrator.Core.Planning;

/// <summary>Earlier attempts' observations, averaged per VMI and per source node.</summary>
public sealed class MigrationHistory
{
    private readonly Dictionary<string, (long? Throughput, long? DirtyRate)> _byVmi = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byNode = new(StringComparer.Ordinal);

    private MigrationHistory(MigrationHistory from)
    {
        _byVmi = new(from._byVmi, StringComparer.Ordinal);
        _byNode = from._byNode;
        TargetStartup = from.TargetStartup;
    }

    /// <summary>Indexes <paramref name="observations"/>.</summary>
    public MigrationHistory(IEnumerable<ObservedMigration> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var list = observations.Where(o => o.ThroughputBytesPerSecond > 0).ToList();
        foreach (var group in list.GroupBy(o => o.VmiUid, StringComparer.Ordinal))
        {
            var throughput = (long)group.Average(o => o.ThroughputBytesPerSecond);
            // A measured rate wins; a guest that needed post-copy dirtied at least as fast as its migration carried.
            var dirty = group.Where(o => o.DirtyRateBytesPerSecond is not null).Select(o => o.DirtyRateBytesPerSecond!.Value)
                .Concat(group.Where(o => o.NeededPostCopy && o.DirtyRateBytesPerSecond is null).Select(o => o.ThroughputBytesPerSecond))
                .ToList();
            _byVmi[group.Key] = (throughput, dirty.Count > 0 ? dirty.Max() : null);
        }

        foreach (var group in list.GroupBy(o => o.SourceNode, StringComparer.Ordinal))
        {
            _byNode[group.Key] = (long)group.Average(o => o.ThroughputBytesPerSecond);
        }
    }

    /// <summary>
    /// This history and the dirty rates a running drain learned (<see cref="DrainEvidence"/>), by VMI uid: for a VMI
    /// with both, the higher.
    /// </summary>
    public MigrationHistory WithDirtyRates(IReadOnlyDictionary<string, long> learned)
    {
        ArgumentNullException.ThrowIfNull(learned);
        var merged = new MigrationHistory(this);
        foreach (var (uid, rate) in learned)
        {
            var (throughput, dirty) = merged._byVmi.GetValueOrDefault(uid);
            merged._byVmi[uid] = (throughput, dirty is { } earlier ? Math.Max(earlier, rate) : rate);
        }

        return merged;
    }

    /// <summary>The target start-up earlier migrations showed (<see cref="TargetStartups.Of"/>); null when too few.</summary>
    public TimeSpan? TargetStartup { get; private init; }

    /// <summary>This history with the target start-up earlier migrations showed.</summary>
    public MigrationHistory WithTargetStartup(TimeSpan? startup) => new(this) { TargetStartup = startup };

    /// <summary>No history.</summary>
    public static MigrationHistory Empty { get; } = new([]);

    /// <summary>How many VMIs it knows.</summary>
    public int VmiCount => _byVmi.Count;

    /// <summary>The VMI's mean observed throughput, if it was migrated before.</summary>
    public long? ThroughputOf(string vmiUid) => _byVmi.TryGetValue(vmiUid, out var v) ? v.Throughput : null;

    /// <summary>The highest dirty rate observed for the VMI (or implied by a post-copy it needed), if any.</summary>
    public long? DirtyRateOf(string vmiUid) => _byVmi.TryGetValue(vmiUid, out var v) ? v.DirtyRate : null;

    /// <summary>The mean throughput observed out of a node, if any.</summary>
    public long? ThroughputFrom(string node) => _byNode.TryGetValue(node, out var v) ? v : null;
}
