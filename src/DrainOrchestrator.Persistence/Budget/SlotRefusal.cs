namespace DrainOrchestrator.Persistence.Budget;

/// <summary>Why a migration slot was refused, or <see cref="None"/> when it was granted.</summary>
public enum SlotRefusal
{
    /// <summary>Granted.</summary>
    None,

    /// <summary>The cluster's migrations in flight (every drain's and foreign) are at the cluster limit.</summary>
    ClusterLimit,

    /// <summary>The migrations out of the source node (every drain's and foreign) are at the per-node limit.</summary>
    NodeLimit,

    /// <summary>The drain already holds its fair share while other drains of the cluster want slots.</summary>
    FairShare,

    /// <summary>An application budget the VMI is a member of has as many members migrating (every drain's and foreign) as it allows.</summary>
    ApplicationBudget,
}
