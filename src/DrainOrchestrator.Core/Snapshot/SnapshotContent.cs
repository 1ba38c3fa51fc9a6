namespace DrainOrchestrator.Core.Snapshot;

/// <summary>
/// Whether two snapshots of one object say the same, field by field and collection by collection: a reader that maps an
/// object again on every change (an annotation nobody reads, a status heartbeat) keeps the instance it had, and what
/// it derived from that instance stays valid. A field added later is compared by the record's own equality, so a
/// collection added later compares by instance: never equal by mistake, only less often kept.
/// </summary>
public static class SnapshotContent
{
    /// <summary>Whether two VMI snapshots are the same in every field.</summary>
    public static bool Same(VmiSnapshot a, VmiSnapshot b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ReferenceEquals(a, b)
            || ((a with
            {
                Labels = b.Labels,
                NamespaceLabels = b.NamespaceLabels,
                NodeSelector = b.NodeSelector,
                RequiredAffinityTerms = b.RequiredAffinityTerms,
                Tolerations = b.Tolerations,
            }).Equals(b)
                && SameLabels(a.Labels, b.Labels)
                && SameLabels(a.NamespaceLabels, b.NamespaceLabels)
                && SameLabels(a.NodeSelector, b.NodeSelector)
                && SameTerms(a.RequiredAffinityTerms, b.RequiredAffinityTerms)
                && a.Tolerations.SequenceEqual(b.Tolerations));
    }

    /// <summary>Whether two node snapshots are the same in every field.</summary>
    public static bool Same(NodeSnapshot a, NodeSnapshot b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ReferenceEquals(a, b)
            || ((a with { Labels = b.Labels, Taints = b.Taints }).Equals(b) && SameLabels(a.Labels, b.Labels) && a.Taints.SequenceEqual(b.Taints));
    }

    /// <summary>Whether two readings of the unfinished migrations are the same, in the same order.</summary>
    public static bool Same(IReadOnlyList<MigrationSnapshot> a, IReadOnlyList<MigrationSnapshot> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (!(x with { VmiLabels = y.VmiLabels }).Equals(y)
                || !(x.VmiLabels is null ? y.VmiLabels is null : y.VmiLabels is not null && SameLabels(x.VmiLabels, y.VmiLabels)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two label maps (or selectors) hold the same pairs.</summary>
    public static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameTerms(IReadOnlyList<NodeSelectorTerm> a, IReadOnlyList<NodeSelectorTerm> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var t = 0; t < a.Count; t++)
        {
            var (x, y) = (a[t].MatchExpressions, b[t].MatchExpressions);
            if (x.Count != y.Count)
            {
                return false;
            }

            for (var r = 0; r < x.Count; r++)
            {
                if (!string.Equals(x[r].Key, y[r].Key, StringComparison.Ordinal) || x[r].Operator != y[r].Operator
                    || !x[r].Values.SequenceEqual(y[r].Values, StringComparer.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
