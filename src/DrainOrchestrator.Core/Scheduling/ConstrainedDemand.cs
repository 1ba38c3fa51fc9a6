using DrainOrchestrator.Core.Placement;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// How many waiting migrations that only a few receivers admit (<see cref="Planning.PlannedVmi.ConstrainedTargets"/>)
/// want each of those receivers: a receiver some of them want is the drain's critical path, and a migration that many
/// nodes admit goes elsewhere while one does. Built once per decision from the candidates; empty (and free) when the
/// plan has no constrained migration.
/// </summary>
internal sealed class ConstrainedDemand
{
    private static readonly ConstrainedDemand None = new([]);
    private readonly Dictionary<string, int> _byNode;
    private Dictionary<string, int>? _candidateByName;

    private ConstrainedDemand(Dictionary<string, int> byNode) => _byNode = byNode;

    public static ConstrainedDemand Of(List<int> candidates, PlanIndex plan)
    {
        Dictionary<string, int>? byNode = null;
        foreach (var i in candidates)
        {
            if (plan.Items[i].ConstrainedTargets is not { } few)
            {
                continue;
            }

            byNode ??= new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var node in few)
            {
                byNode[node] = byNode.GetValueOrDefault(node) + 1;
            }
        }

        return byNode is null ? None : new ConstrainedDemand(byNode);
    }

    /// <summary>The demand by candidate index of <paramref name="index"/>; empty when there is none.</summary>
    public int[] ByCandidate(PlacementIndex index)
    {
        if (_byNode.Count == 0)
        {
            return [];
        }

        var wanted = new int[index.CandidateCount];
        _candidateByName = new Dictionary<string, int>(_byNode.Count, StringComparer.Ordinal);
        for (var i = 0; i < index.CandidateCount; i++)
        {
            var name = index.Candidate(i).Name;
            if (_byNode.TryGetValue(name, out var count))
            {
                wanted[i] = count;
                _candidateByName[name] = i;
            }
        }

        return wanted;
    }

    /// <summary>A constrained migration wanting <paramref name="few"/> started: it waits no longer.</summary>
    public void Started(IReadOnlyList<string> few, int[] wanted)
    {
        foreach (var node in few)
        {
            if (_candidateByName is not null && _candidateByName.TryGetValue(node, out var i) && wanted[i] > 0)
            {
                wanted[i]--;
            }
        }
    }
}
