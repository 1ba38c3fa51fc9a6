using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Removes what the drain owns in the cluster and no unfinished attempt needs: its post-copy MigrationPolicies and the
/// marker labels pointing at them, found by their deterministic names (<see cref="MigrationNaming.PostCopyPolicyName"/>
/// of the drain and each VMI it attempted or that carries a marker). Run when an engine takes a drain up (a crash between a
/// policy's creation and its attempt's end leaves one behind) and when the drain finishes; what it removes is journaled
/// (<see cref="OwnedObjectsSwept"/>). Failures are logged and never block the drain. Node Leases and conditions are
/// released by the finish itself (<see cref="EndSteps.FinishAsync"/>).
/// </summary>
internal static class OwnedObjectsSweep
{
    public const string AtRecovery = "recovery";
    public const string AtFinish = "finish";

    public static async Task SweepAsync(DrainContext context, string when, IReadOnlyList<AttemptRecord> records, CancellationToken cancellationToken)
    {
        var cluster = context.View.Current;
        // At the finish nothing is needed any more, even by an attempt whose end was never observed.
        var needed = records.Where(r => r.PostCopy && !r.IsFinal && when != AtFinish).Select(r => PolicyOf(context, r.VmiUid)).ToHashSet(StringComparer.Ordinal);
        // A policy is made for a VMI after its attempt's intent row (MigrationLoop.StartAsync), and its marker label
        // right after: the attempted VMIs and those that carry a marker name every policy this drain may own, one hash
        // each, whatever the size of the cluster.
        var marked = cluster.Vmis.Where(v => v.Metadata.Labels?.ContainsKey(PostCopyPolicyDesigner.MarkerLabelKey) == true).ToList();
        var owned = records.Select(r => r.VmiUid).Concat(marked.Select(v => v.Metadata.Uid ?? "")).Where(uid => uid.Length > 0)
            .Distinct(StringComparer.Ordinal).Select(uid => PolicyOf(context, uid)).Where(name => !needed.Contains(name))
            .ToHashSet(StringComparer.Ordinal);

        var labelled = new List<string>();
        foreach (var vmi in marked)
        {
            if (vmi.Metadata.Labels?.GetValueOrDefault(PostCopyPolicyDesigner.MarkerLabelKey) is { } marker && owned.Contains(marker)
                && await TryAsync(context, "marker label of " + vmi.Metadata.Namespace + "/" + vmi.Metadata.Name, () => context.Actions.SetVmiLabelAsync(
                    vmi.Metadata.Namespace ?? "", vmi.Metadata.Name ?? "", PostCopyPolicyDesigner.MarkerLabelKey, null, cancellationToken)))
            {
                labelled.Add(vmi.Metadata.Namespace + "/" + vmi.Metadata.Name);
            }
        }

        var policies = new List<string>();
        foreach (var name in cluster.Policies.Select(p => p.Metadata.Name ?? "").Where(owned.Contains))
        {
            if (await TryAsync(context, "MigrationPolicy " + name, () => context.Actions.DeleteMigrationPolicyAsync(name, cancellationToken)))
            {
                policies.Add(name);
            }
        }

        // The view may not show a policy created just before a crash yet: the recorded post-copy attempts' are deleted
        // whatever it shows (a missing one is fine) but only those it showed are journaled as swept.
        foreach (var name in records.Where(r => r.PostCopy).Select(r => PolicyOf(context, r.VmiUid)).Where(owned.Contains).Except(policies).Distinct())
        {
            await TryAsync(context, "MigrationPolicy " + name, () => context.Actions.DeleteMigrationPolicyAsync(name, cancellationToken));
        }

        if (policies.Count + labelled.Count > 0)
        {
            await context.Writer.WriteAsync(new OwnedObjectsSwept(when, policies, labelled), null, cancellationToken);
            EngineLog.OwnedSwept(context.Logger, context.Drain.Name, when, policies.Count, labelled.Count);
        }
    }

    private static string PolicyOf(DrainContext context, string vmiUid) => MigrationNaming.PostCopyPolicyName(context.DrainIdText, vmiUid);

    private static async Task<bool> TryAsync(DrainContext context, string what, Func<Task> act)
    {
        try
        {
            await act();
            return true;
        }
        catch (KubernetesApiException ex)
        {
            EngineLog.CleanupFailed(context.Logger, what, ex.Message);
            return false;
        }
    }
}
