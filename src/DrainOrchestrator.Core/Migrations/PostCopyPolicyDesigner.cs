using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Migrations;

/// <summary>
/// Designs the per-VMI post-copy MigrationPolicy. Its VMI selector repeats every label of the VMI plus a marker label,
/// and its namespace selector every label of the namespace, so it matches strictly more labels than any other policy
/// can match for that VMI and wins KubeVirt's precedence whatever other policies exist. It copies the options of the
/// policy it displaces, except that it allows post-copy and shortens the completion budget: KubeVirt switches to
/// post-copy only when the budget runs out, and a guest that does not converge stops making progress, so with the
/// displaced budget (150 s per GB by default) the progress timeout would abort it long before the switch.
/// </summary>
public static class PostCopyPolicyDesigner
{
    /// <summary>The marker label key the orchestrator puts on a VMI that is to be post-copied.</summary>
    public const string MarkerLabelKey = "drain-orchestrator.io/post-copy";

    private const string NodeNameLabelKey = "kubevirt.io/nodeName";

    /// <summary>Designs the policy named <paramref name="policyName"/> for <paramref name="vmi"/>.</summary>
    /// <param name="vmi">The VMI to post-copy.</param>
    /// <param name="cluster">The cluster-wide migration settings.</param>
    /// <param name="existing">Every MigrationPolicy in the cluster.</param>
    /// <param name="policyName">The name of the policy to create.</param>
    /// <param name="progressTimeout">The cluster's progress timeout (KubeVirt's default, 150 s, when null).</param>
    /// <param name="firstPass">
    /// The predicted time to send the guest's memory once; null when unknown. A guest that does not converge gains
    /// nothing from pre-copy once every page has been sent, so the switch comes right after that (never later than the
    /// progress timeout allows).
    /// </param>
    public static PostCopyPolicyDesign Design(
        VmiSnapshot vmi, MigrationSettings cluster, IReadOnlyList<MigrationPolicySnapshot> existing, string policyName,
        TimeSpan? progressTimeout = null, TimeSpan? firstPass = null)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        var markerValue = policyName;
        var current = MigrationConfigResolver.Resolve(vmi, cluster, existing).Settings;

        // kubevirt.io/nodeName changes with every migration: a selector holding it would stop matching the moment the
        // VMI moves, so the policy leaves it out (the marker alone makes up the difference).
        var vmiSelector = vmi.Labels
            .Where(l => !string.Equals(l.Key, NodeNameLabelKey, StringComparison.Ordinal))
            .ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        vmiSelector[MarkerLabelKey] = markerValue;
        var policy = new MigrationPolicySnapshot(
            policyName,
            new Dictionary<string, string>(vmi.NamespaceLabels, StringComparer.Ordinal),
            vmiSelector,
            current.BandwidthPerMigrationBytesPerSecond,
            SwitchOverTimeoutPerGiB(vmi.MemoryBytes, current.CompletionTimeoutPerGiB,
                progressTimeout ?? ClusterMigrationConfig.KubeVirtDefaults.ProgressTimeout, firstPass),
            AllowPostCopy: true,
            current.AllowAutoConverge,
            AllowWorkloadDisruption: true,
            current.MaxDowntime);

        // Check with the marker applied, exactly as KubeVirt will see the VMI.
        var marked = vmi with
        {
            Labels = new Dictionary<string, string>(vmi.Labels, StringComparer.Ordinal) { [MarkerLabelKey] = markerValue },
        };
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

    /// <summary>
    /// A per-GB completion timeout (whole seconds, at least 1, as KubeVirt's field takes) whose budget for a guest of
    /// <paramref name="memoryBytes"/> ends within half the progress timeout, never longer than the displaced one. The
    /// stall clock of the progress timeout cannot start before the migration does, so the switch to post-copy comes
    /// first; for a guest so large that even 1 s per GB exceeds that, the first full copy round (which counts as
    /// progress) still buys the time. Given the predicted <paramref name="firstPass"/>, the budget ends at the first whole
    /// second per GB after it when that is sooner.
    /// </summary>
    internal static TimeSpan SwitchOverTimeoutPerGiB(long memoryBytes, TimeSpan displaced, TimeSpan progressTimeout, TimeSpan? firstPass = null)
    {
        var gigabytes = MigrationSettings.KubeVirtDefaults.CompletionBudget(memoryBytes) / MigrationSettings.KubeVirtDefaults.CompletionTimeoutPerGiB;
        var seconds = Math.Max(1, (long)Math.Floor(progressTimeout.TotalSeconds / 2 / gigabytes));
        if (firstPass is { } pass && pass > TimeSpan.Zero)
        {
            seconds = Math.Min(seconds, Math.Max(1, (long)Math.Ceiling(pass.TotalSeconds / gigabytes)));
        }

        var perGiB = TimeSpan.FromSeconds(seconds);
        return perGiB < displaced ? perGiB : displaced;
    }
}
