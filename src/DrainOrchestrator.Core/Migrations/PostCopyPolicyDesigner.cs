using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Migrations;

/// <summary>
/// Designs the per-VMI post-copy MigrationPolicy. Its VMI selector repeats every label of the VMI plus a marker label,
/// and its namespace selector every label of the namespace, so it matches strictly more labels than any other policy
/// can match for that VMI and wins KubeVirt's precedence whatever other policies exist. It copies the options of the
/// policy it displaces, so only post-copy changes.
/// </summary>
public static class PostCopyPolicyDesigner
{
    /// <summary>The marker label key the orchestrator puts on a VMI that is to be post-copied.</summary>
    public const string MarkerLabelKey = "drain-orchestrator.io/post-copy";

    /// <summary>Designs the policy named <paramref name="policyName"/> for <paramref name="vmi"/>.</summary>
    public static PostCopyPolicyDesign Design(
        VmiSnapshot vmi, MigrationSettings cluster, IReadOnlyList<MigrationPolicySnapshot> existing, string policyName)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        var markerValue = policyName;
        var current = MigrationConfigResolver.Resolve(vmi, cluster, existing).Settings;

        var vmiSelector = new Dictionary<string, string>(vmi.Labels, StringComparer.Ordinal)
        {
            [MarkerLabelKey] = markerValue,
        };
        var policy = new MigrationPolicySnapshot(
            policyName,
            new Dictionary<string, string>(vmi.NamespaceLabels, StringComparer.Ordinal),
            vmiSelector,
            current.BandwidthPerMigrationBytesPerSecond,
            current.CompletionTimeoutPerGiB,
            AllowPostCopy: true,
            current.AllowAutoConverge,
            AllowWorkloadDisruption: true,
            current.MaxDowntime);

        // Check with the marker applied, exactly as KubeVirt will see the VMI.
        var marked = vmi with { Labels = vmiSelector };
        var others = existing.Where(p => !string.Equals(p.Name, policyName, StringComparison.Ordinal)).ToList();
        others.Add(policy);
        var winner = MigrationConfigResolver.FindWinningPolicy(marked, others);
        if (!ReferenceEquals(winner, policy))
        {
            return new PostCopyPolicyDesign(null, MarkerLabelKey, markerValue,
                $"MigrationPolicy '{winner!.Name}' matches as many labels of {vmi.QualifiedName} as the orchestrator's post-copy policy and wins the tie on its name");
        }

        return new PostCopyPolicyDesign(policy, MarkerLabelKey, markerValue, null);
    }
}
