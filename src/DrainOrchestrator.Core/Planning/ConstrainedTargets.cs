using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Finds the migrations that only a few receivers admit (a nodeSelector, an affinity or taints narrow them to a zone
/// with one or two nodes): those receivers' inbound NICs are the drain's critical path, so the scheduler starts these
/// migrations first and keeps other migrations off their receivers while they wait. Decided once per plan on labels and
/// taints alone (memory changes as migrations land), per distinct set of constraints.
/// </summary>
internal static class ConstrainedTargets
{
    /// <summary>
    /// The receivers of <paramref name="vmi"/> when they are few: at most a quarter of the nodes that may receive at
    /// all (at least one), and not all of them; null otherwise.
    /// </summary>
    public static IReadOnlyList<string>? Of(VmiSnapshot vmi, PlacementIndex index)
    {
        var fitting = index.Fitting(vmi);
        var few = Math.Max(1, index.CandidateCount / 4);
        if (fitting.Length == 0 || fitting.Length > few || fitting.Length >= index.CandidateCount)
        {
            return null;
        }

        var names = new string[fitting.Length];
        for (var i = 0; i < fitting.Length; i++)
        {
            names[i] = index.Candidate(fitting[i]).Name;
        }

        return names;
    }
}
