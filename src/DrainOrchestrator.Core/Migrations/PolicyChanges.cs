using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Migrations;

/// <summary>
/// What moved between two readings of the cluster's MigrationPolicies, by name (they are cluster-scoped): a VMI that
/// none of the moved policies selects, in its old or its new form, resolves to the same policy in both
/// (<see cref="MigrationConfigResolver.FindWinningPolicy"/> picks among the policies that select it, and that set did not move).
/// </summary>
public static class PolicyChanges
{
    /// <summary>Whether the two readings hold the same policies, field by field and selector by selector.</summary>
    public static bool Same(IReadOnlyList<MigrationPolicySnapshot> before, IReadOnlyList<MigrationPolicySnapshot> after) =>
        ReferenceEquals(before, after) || Moved(before, after).Count == 0;

    /// <summary>
    /// The policies added, removed or changed from <paramref name="before"/> to <paramref name="after"/>: a changed one
    /// in both its forms.
    /// </summary>
    public static IReadOnlyList<MigrationPolicySnapshot> Moved(IReadOnlyList<MigrationPolicySnapshot> before,
        IReadOnlyList<MigrationPolicySnapshot> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (ReferenceEquals(before, after))
        {
            return [];
        }

        var old = new Dictionary<string, MigrationPolicySnapshot>(before.Count, StringComparer.Ordinal);
        foreach (var policy in before)
        {
            old[policy.Name] = policy;
        }

        var moved = new List<MigrationPolicySnapshot>();
        foreach (var policy in after)
        {
            if (!old.Remove(policy.Name, out var was))
            {
                moved.Add(policy);
            }
            else if (!SameFields(was, policy))
            {
                moved.Add(was);
                moved.Add(policy);
            }
        }

        moved.AddRange(old.Values);
        return moved;
    }

    /// <summary>Whether <paramref name="policy"/> selects <paramref name="vmi"/> (its VMI and namespace selectors).</summary>
    public static bool Selects(MigrationPolicySnapshot policy, VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(vmi);
        return MigrationConfigResolver.Matches(policy.VmiSelector, vmi.Labels)
            && MigrationConfigResolver.Matches(policy.NamespaceSelector, vmi.NamespaceLabels);
    }

    private static bool SameFields(MigrationPolicySnapshot a, MigrationPolicySnapshot b) =>
        ReferenceEquals(a, b)
        || ((a with { NamespaceSelector = b.NamespaceSelector, VmiSelector = b.VmiSelector }).Equals(b)
            && SnapshotContent.SameLabels(a.NamespaceSelector, b.NamespaceSelector)
            && SnapshotContent.SameLabels(a.VmiSelector, b.VmiSelector));
}
