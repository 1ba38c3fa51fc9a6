using System.Globalization;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// The warnings of a plan: every unusable NIC bandwidth hint (a node's NIC matters as a source and as a target) and the
/// unusable dirty-rate and working-set hints of the VMIs being drained, each with the value the cost model assumes
/// instead.
/// </summary>
internal static class PlanWarnings
{
    public static IReadOnlyList<string> Of(ClusterSnapshot snapshot, IReadOnlySet<string> drained, DrainPolicy policy)
    {
        if (snapshot.InvalidHints.Count == 0)
        {
            return [];
        }

        var assumedNic = "assuming " + Gbits(policy.CostModel.AssumedNicBandwidthBytesPerSecond);
        var assumedDirty = "assuming " + Megabytes(policy.CostModel.AssumedDirtyRateBytesPerSecond);
        return [.. snapshot.InvalidHints
            .Where(h => h.Kind == HintKind.NicBandwidth || drained.Contains(h.NodeName))
            .OrderBy(h => h.Kind)
            .ThenBy(h => h.NodeName, StringComparer.Ordinal)
            .ThenBy(h => h.Problem, StringComparer.Ordinal)
            .Select(h => $"{h.Problem}; {h.Kind switch { HintKind.NicBandwidth => assumedNic, HintKind.DirtyRate => assumedDirty, _ => "assuming the whole memory may be dirtied again" }}")];
    }

    private static string Gbits(long bytesPerSecond) =>
        (bytesPerSecond * 8 / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + " Gbit/s";

    private static string Megabytes(long bytesPerSecond) =>
        (bytesPerSecond / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " MB/s";
}
