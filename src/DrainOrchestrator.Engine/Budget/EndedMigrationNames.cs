using System.Collections;
using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Engine.Budget;

/// <summary>
/// <see cref="ClusterLoad.Ended"/> without a copy: the names a pass observed ending, and those of the view's ended VMIMs
/// of any drain of ours, looked up in the view's index. The reservation asks <see cref="Contains"/> once per slot held,
/// so a pass costs what is in flight, not every VMIM ever seen; the whole set is built only when enumerated.
/// </summary>
internal sealed class EndedMigrationNames(IReadOnlySet<string> justEnded, ClusterIndex index) : IReadOnlySet<string>
{
    private HashSet<string>? _all;

    public int Count => All.Count;

    private HashSet<string> All => _all ??= new HashSet<string>(justEnded.Concat(index.EndedDrainMigrationNames), StringComparer.Ordinal);

    public bool Contains(string item) => justEnded.Contains(item) || index.IsEndedDrainMigration(item);

    public IEnumerator<string> GetEnumerator() => All.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => All.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => All.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => All.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => other.All(Contains);

    public bool Overlaps(IEnumerable<string> other) => other.Any(Contains);

    public bool SetEquals(IEnumerable<string> other) => All.SetEquals(other);
}
