using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Budget;

/// <summary>Messages of the cluster budget, with stable event ids (3070-3079).</summary>
internal static partial class BudgetLog
{
    // Debug: a refusal is routine while drains share a cluster (counted by BudgetMetrics); nothing is journaled for it.
    [LoggerMessage(3070, LogLevel.Debug, "Budget of cluster {Cluster} refused {Vmim} ({Reason}): {InFlight} of {ClusterLimit} in flight ({Foreign} foreign), {NodeOutbound} of {NodeLimit} out of {Node}, the drain holds {Held} of its share {Share}")]
    public static partial void Refused(ILogger logger, string cluster, string vmim, string reason, int inFlight, int clusterLimit,
        int foreign, int nodeOutbound, int nodeLimit, string node, int held, int share);

    [LoggerMessage(3071, LogLevel.Debug, "Budget of cluster {Cluster} held restart {Restart} back: application budget {Budget} has as many members down or moving as it allows")]
    public static partial void RestartRefused(ILogger logger, string cluster, string restart, string budget);
}
