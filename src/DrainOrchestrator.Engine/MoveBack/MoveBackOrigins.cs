using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.MoveBack;

/// <summary>
/// Each VM's origin as a drain recorded it: its successful live migration's source (where it returns to) and target
/// (where a move-back expects to find it). A VM moved by several drains has one origin per drain. Restarts are not
/// returned: the VM they started again is another VMI, placed by Kubernetes.
/// </summary>
public static class MoveBackOrigins
{
    /// <summary>What <paramref name="drainId"/> moved, one per VM (its last successful migration), by VM name.</summary>
    public static async Task<IReadOnlyList<VmReturn>> ReadAsync(AttemptStore attempts, Guid drainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return Of(await attempts.ListAsync(drainId, cancellationToken));
    }

    /// <summary>What the attempts of one drain moved, one per VM (its last successful migration), by VM name.</summary>
    public static IReadOnlyList<VmReturn> Of(IReadOnlyList<AttemptRecord> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return [.. attempts
            .Where(a => a.Outcome == AttemptOutcome.Succeeded && !a.IsRestart && a.TargetNode is not null)
            .GroupBy(a => a.VmiUid, StringComparer.Ordinal)
            .Select(g => g.MaxBy(a => a.Attempt)!)
            .Select(a => new VmReturn(a.VmiUid, a.VmiNamespace, a.VmiName, a.SourceNode, a.TargetNode!))
            .OrderBy(r => r.QualifiedName, StringComparer.Ordinal)];
    }
}
