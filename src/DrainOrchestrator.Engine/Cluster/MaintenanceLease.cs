using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The rules medik8s' lease manager applies to a node maintenance Lease, so that node-maintenance-operator,
/// NodeHealthCheck (which holds it while self-node-remediation and other remediators act) and the drain agree on who
/// holds a node. A Lease is valid while <c>renewTime + leaseDurationSeconds</c> has not passed and <c>renewTime</c> is
/// not in the future; one without either is invalid. A valid Lease of another holder is respected; an invalid one may be
/// taken over (acquireTime now, leaseTransitions + 1). The holder renews by setting renewTime and the duration.
/// </summary>
public static class MaintenanceLease
{
    /// <summary>Whether <paramref name="spec"/> is a valid (unexpired) Lease at <paramref name="now"/>.</summary>
    public static bool IsValid(LeaseSpec? spec, DateTimeOffset now) =>
        spec is { RenewTime: { } renewed, LeaseDurationSeconds: { } seconds }
        && renewed + TimeSpan.FromSeconds(seconds) >= now
        && renewed <= now;

    /// <summary>
    /// The holder of <paramref name="spec"/> when it is someone other than <paramref name="holder"/> and valid (the
    /// node is theirs); null when <paramref name="holder"/> may take or renew it.
    /// </summary>
    public static string? OtherValidHolder(LeaseSpec? spec, string holder, DateTimeOffset now) =>
        spec?.HolderIdentity is { Length: > 0 } other && other != holder && IsValid(spec, now) ? other : null;

    /// <summary>Takes or renews <paramref name="spec"/> for <paramref name="holder"/> (call only when <see cref="OtherValidHolder"/> is null).</summary>
    public static void TakeOrRenew(LeaseSpec spec, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.HolderIdentity != holder)
        {
            spec.AcquireTime = now;
            spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
            spec.HolderIdentity = holder;
        }

        spec.AcquireTime ??= now;
        spec.RenewTime = now;
        spec.LeaseDurationSeconds = (int)Math.Ceiling(duration.TotalSeconds);
    }

    /// <summary>A new Lease held by <paramref name="holder"/>, owned by the node (deleting the node deletes it, as medik8s does).</summary>
    public static Lease New(string @namespace, Node node, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(node);
        var name = node.Metadata.Name ?? throw new ArgumentException("The node has no name.", nameof(node));
        return new Lease
        {
            Metadata = new ObjectMeta
            {
                Name = NodeLeaseNames.For(name),
                Namespace = @namespace,
                OwnerReferences = node.Metadata.Uid is { Length: > 0 } uid
                    ? [new OwnerReference { ApiVersion = "v1", Kind = "Node", Name = name, Uid = uid }]
                    : null,
            },
            Spec = new LeaseSpec
            {
                HolderIdentity = holder,
                LeaseDurationSeconds = (int)Math.Ceiling(duration.TotalSeconds),
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = 0,
            },
        };
    }
}
