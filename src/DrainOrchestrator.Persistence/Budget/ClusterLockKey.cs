using System.Text;

namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// The key of a cluster's budget lock (<c>pg_advisory_xact_lock</c>): a 64-bit FNV-1a hash of the UTF-8 cluster name
/// under a fixed prefix. Stable across processes, machines and releases, as every engine replica of every version must
/// take the same lock for the same cluster; <see cref="string.GetHashCode()"/> is randomised per process.
/// </summary>
public static class ClusterLockKey
{
    private const string Prefix = "drain-orchestrator/cluster-budget/";
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The advisory lock key of <paramref name="cluster"/>.</summary>
    public static long For(string cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(Prefix + cluster))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return unchecked((long)hash);
    }
}
