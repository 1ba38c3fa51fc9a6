using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// The items of a plan that a MigrationPolicy selects, found through an index of their labels instead of a walk over
/// every item: a policy selects a VMI only when each of its selector's pairs is among the VMI's labels (or its
/// namespace's), so the items holding the rarest of those pairs are the only candidates, each then checked in full
/// (<see cref="PolicyChanges.Selects"/>). A policy with empty selectors selects every item. Built once per plan, over
/// its migrating items.
/// </summary>
internal sealed class PolicySelection
{
    private readonly IReadOnlyList<PlannedVmi> _items;
    private readonly int[] _all;
    private readonly Dictionary<(string Key, string Value), List<int>> _byLabel = [];
    private readonly Dictionary<(string Key, string Value), List<int>> _byNamespaceLabel = [];

    /// <param name="items">The plan's items.</param>
    public PolicySelection(IReadOnlyList<PlannedVmi> items)
    {
        _items = items;
        _all = [.. Enumerable.Range(0, items.Count).Where(i => items[i].Disposition == PlanDisposition.Migrate)];
        foreach (var i in _all)
        {
            var vmi = items[i].Vmi;
            Add(_byLabel, vmi.Labels, i);
            Add(_byNamespaceLabel, vmi.NamespaceLabels, i);
        }
    }

    /// <summary>Adds to <paramref name="selected"/> the indices of the items any of <paramref name="policies"/> selects.</summary>
    public void AddSelected(IReadOnlyList<MigrationPolicySnapshot> policies, HashSet<int> selected)
    {
        foreach (var policy in policies)
        {
            foreach (var i in Candidates(policy))
            {
                if (PolicyChanges.Selects(policy, _items[i].Vmi))
                {
                    selected.Add(i);
                }
            }
        }
    }

    // The items holding the selectors' rarest pair; every item when both selectors are empty.
    private IReadOnlyList<int> Candidates(MigrationPolicySnapshot policy)
    {
        List<int>? fewest = null;
        foreach (var (index, selector) in new[] { (_byLabel, policy.VmiSelector), (_byNamespaceLabel, policy.NamespaceSelector) })
        {
            foreach (var pair in selector)
            {
                if (!index.TryGetValue((pair.Key, pair.Value), out var holders))
                {
                    return [];
                }

                if (fewest is null || holders.Count < fewest.Count)
                {
                    fewest = holders;
                }
            }
        }

        return fewest is null ? _all : fewest;
    }

    private static void Add(Dictionary<(string Key, string Value), List<int>> index, IReadOnlyDictionary<string, string> labels, int i)
    {
        foreach (var pair in labels)
        {
            if (!index.TryGetValue((pair.Key, pair.Value), out var holders))
            {
                index[(pair.Key, pair.Value)] = holders = [];
            }

            holders.Add(i);
        }
    }
}
