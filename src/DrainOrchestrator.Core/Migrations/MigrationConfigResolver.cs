using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Migrations;

/// <summary>
/// Resolves a VMI's effective migration options the way KubeVirt does: the cluster values, overridden field by field
/// by the one MigrationPolicy that wins the precedence.
/// </summary>
public static class MigrationConfigResolver
{
    /// <summary>The effective options for <paramref name="vmi"/>.</summary>
    public static EffectiveMigrationConfig Resolve(
        VmiSnapshot vmi, MigrationSettings cluster, IReadOnlyList<MigrationPolicySnapshot> policies)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var winner = FindWinningPolicy(vmi, policies);
        return winner is null
            ? new EffectiveMigrationConfig(cluster, null)
            : new EffectiveMigrationConfig(Apply(cluster, winner), winner.Name);
    }

    /// <summary>
    /// The policy that applies to <paramref name="vmi"/>: among matching policies, the most matching labels (VMI and
    /// namespace), then the most matching VMI labels, then the ordinally smallest name. Null when none matches.
    /// </summary>
    public static MigrationPolicySnapshot? FindWinningPolicy(VmiSnapshot vmi, IReadOnlyList<MigrationPolicySnapshot> policies)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(policies);
        MigrationPolicySnapshot? best = null;
        var bestTotal = -1;
        var bestVmi = -1;
        foreach (var policy in policies)
        {
            if (!Matches(policy.VmiSelector, vmi.Labels) || !Matches(policy.NamespaceSelector, vmi.NamespaceLabels))
            {
                continue;
            }

            var vmiScore = policy.VmiSelector.Count;
            var total = vmiScore + policy.NamespaceSelector.Count;
            if (total > bestTotal
                || (total == bestTotal && vmiScore > bestVmi)
                || (total == bestTotal && vmiScore == bestVmi && string.CompareOrdinal(policy.Name, best!.Name) < 0))
            {
                best = policy;
                bestTotal = total;
                bestVmi = vmiScore;
            }
        }

        return best;
    }

    /// <summary>Every non-null field of <paramref name="policy"/> replaces the value in <paramref name="cluster"/>.</summary>
    public static MigrationSettings Apply(MigrationSettings cluster, MigrationPolicySnapshot policy)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(policy);
        return new MigrationSettings(
            policy.BandwidthPerMigrationBytesPerSecond ?? cluster.BandwidthPerMigrationBytesPerSecond,
            policy.CompletionTimeoutPerGiB ?? cluster.CompletionTimeoutPerGiB,
            policy.AllowPostCopy ?? cluster.AllowPostCopy,
            policy.AllowAutoConverge ?? cluster.AllowAutoConverge,
            policy.AllowWorkloadDisruption ?? cluster.AllowWorkloadDisruption,
            policy.MaxDowntime ?? cluster.MaxDowntime);
    }

    internal static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
