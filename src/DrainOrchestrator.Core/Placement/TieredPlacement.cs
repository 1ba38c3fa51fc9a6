using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Placement;

/// <summary>
/// The planner's capacity check across target tiers: each VMI goes to the preferred nodes if one has room, else to the
/// neutral ones, else to a node due for a later drain (remembered: that VM moves twice). The tiers hold disjoint nodes,
/// so each keeps its own <see cref="PlacementIndex"/> and a reservation in one never touches another.
/// </summary>
internal sealed class TieredPlacement
{
    private readonly PlacementIndex[] _tiers;
    private readonly TargetPreference _preference;
    private readonly Dictionary<string, bool> _laterByUid = new(StringComparer.Ordinal);

    public TieredPlacement(ClusterSnapshot snapshot, IReadOnlySet<string> excluded, TargetPreference preference)
    {
        _preference = preference;
        var reserved = InFlightReservations.Of(snapshot.UnfinishedMigrations);
        if (preference.IsEmpty)
        {
            _tiers = [new PlacementIndex(snapshot.Nodes, excluded, reserved)];
            return;
        }

        var byTier = snapshot.Nodes.ToLookup(n => preference.TierOf(n.Name));
        _tiers = [.. new[] { TargetTier.Preferred, TargetTier.Neutral, TargetTier.LaterDrain }
            .Select(t => new PlacementIndex([.. byTier[t]], excluded, reserved))];
    }

    /// <summary>Places <paramref name="vmi"/> in the best tier with room and reserves its memory there; null when none has.</summary>
    public string? PlaceOnLargestFree(VmiSnapshot vmi)
    {
        for (var t = 0; t < _tiers.Length; t++)
        {
            if (_tiers[t].PlaceOnLargestFree(vmi) is { } target)
            {
                if (t == _tiers.Length - 1 && !_preference.IsEmpty)
                {
                    // Short of capacity when an earlier tier admits it, only not with the memory left.
                    _laterByUid[vmi.Uid] = _tiers.Take(t).Any(i => i.HasAnyFit(vmi));
                }

                return target;
            }
        }

        return null;
    }

    /// <summary>Whether some node of any tier could take <paramref name="vmi"/> if nothing else were placed.</summary>
    public bool HasAnyFit(VmiSnapshot vmi) => _tiers.Any(i => i.HasAnyFit(vmi));

    /// <summary>Whether some node of any tier admits <paramref name="vmi"/> by its labels and taints, whatever its memory.</summary>
    public bool AdmitsByConstraints(VmiSnapshot vmi) => _tiers.Any(i => i.AdmitsByConstraints(vmi));

    /// <summary>The migrations placed on a later drain's node, in plan order.</summary>
    public IReadOnlyList<DoubleMove> MovesTwice(IEnumerable<PlannedVmi> items) => _laterByUid.Count == 0 ? []
        : [.. items.Where(i => i.Disposition == PlanDisposition.Migrate && _laterByUid.ContainsKey(i.Vmi.Uid))
            .Select(i => new DoubleMove(i, _laterByUid[i.Vmi.Uid]))];
}
