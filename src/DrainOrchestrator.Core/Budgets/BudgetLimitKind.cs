namespace DrainOrchestrator.Core.Budgets;

/// <summary>What an application budget's limit counts.</summary>
public enum BudgetLimitKind
{
    /// <summary>The members with a live migration in flight, anyone's (ours, other drains', KubeVirt's, by hand).</summary>
    MaxInFlight,

    /// <summary>
    /// The members disrupted at once: migrating (anyone's) or stopped by a drain to restart elsewhere (the shutdown
    /// policy for VMs that cannot live-migrate).
    /// </summary>
    MaxUnavailable,
}
