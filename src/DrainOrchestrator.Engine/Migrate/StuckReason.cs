using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Why a drain that waited its stuck timeout could not go on, in words: the VMs no node can take (the first few), and
/// for a VM pinned to one node (a move-back's return to its origin) what keeps that node from taking it.
/// </summary>
internal static class StuckReason
{
    private const int Named = 5;

    /// <summary>The VMs of <paramref name="withoutTarget"/>, each with its pinned node's state when it has one.</summary>
    public static string Describe(IReadOnlyList<PlannedVmi> withoutTarget, ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(withoutTarget);
        ArgumentNullException.ThrowIfNull(snapshot);
        var named = withoutTarget.Take(Named).Select(item => item.PinnedTarget is { } pinned
            ? $"{item.Vmi.QualifiedName} (it may only go to {pinned}, which {PinnedState(pinned, snapshot)})"
            : item.Vmi.QualifiedName);
        var more = withoutTarget.Count > Named ? $" and {withoutTarget.Count - Named} more" : string.Empty;
        return string.Join(", ", named) + more;
    }

    private static string PinnedState(string name, ClusterSnapshot snapshot)
    {
        var node = snapshot.Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));
        return node is null ? "no longer exists"
            : !node.Ready ? "is not Ready"
            : node.Unschedulable ? "is cordoned"
            : "lacks room or admits it no longer";
    }
}
