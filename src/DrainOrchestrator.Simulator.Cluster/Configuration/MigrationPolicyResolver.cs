namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// KubeVirt's MigrationPolicy precedence: the policy matching the most labels (VMI plus namespace) wins; ties go to the
/// one matching more VMI labels, then to the lexicographically smallest name. A policy whose selector has a key that
/// does not match does not apply at all.
/// </summary>
public static class MigrationPolicyResolver
{
    /// <summary>The label KubeVirt keeps on every VMI naming its node; policies see it like any other label.</summary>
    public const string NodeNameLabel = "kubevirt.io/nodeName";

    /// <summary>The winning policy for a VMI, or null when none applies.</summary>
    public static MigrationPolicy? SelectPolicy(
        IEnumerable<MigrationPolicy> policies,
        IReadOnlyDictionary<string, string> vmiLabels,
        IReadOnlyDictionary<string, string> namespaceLabels)
    {
        ArgumentNullException.ThrowIfNull(policies);
        MigrationPolicy? best = null;
        int bestTotal = -1, bestVmi = -1;
        foreach (var policy in policies)
        {
            var vmiMatches = CountMatches(policy.VirtualMachineInstanceSelector, vmiLabels);
            var namespaceMatches = CountMatches(policy.NamespaceSelector, namespaceLabels);
            if (vmiMatches < 0 || namespaceMatches < 0)
            {
                continue;
            }

            var total = vmiMatches + namespaceMatches;
            var better = total > bestTotal
                || (total == bestTotal && vmiMatches > bestVmi)
                || (total == bestTotal && vmiMatches == bestVmi && string.CompareOrdinal(policy.Name, best!.Name) < 0);
            if (better)
            {
                (best, bestTotal, bestVmi) = (policy, total, vmiMatches);
            }
        }

        return best;
    }

    /// <summary>The cluster configuration with <paramref name="policy"/>'s non-null fields applied.</summary>
    public static EffectiveMigrationConfiguration Resolve(MigrationConfig cluster, MigrationPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var allowPostCopy = policy?.AllowPostCopy ?? cluster.AllowPostCopy;
        var disruption = policy?.AllowWorkloadDisruption ?? cluster.AllowWorkloadDisruption ?? allowPostCopy;
        return new EffectiveMigrationConfiguration(
            policy?.BandwidthPerMigration ?? cluster.BandwidthPerMigration,
            policy?.CompletionTimeoutPerGiB ?? cluster.CompletionTimeoutPerGiB,
            cluster.ProgressTimeout,
            allowPostCopy,
            policy?.AllowAutoConverge ?? cluster.AllowAutoConverge,
            disruption,
            policy?.MaxDowntime ?? cluster.MaxDowntime);
    }

    /// <summary>How many selector keys match, or -1 when any key does not.</summary>
    private static int CountMatches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return -1;
            }
        }

        return selector.Count;
    }
}
