using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Guarded pre-copy (<see cref="Core.Planning.PreCopyGuard"/>): a pre-copy start of a guest nothing is known of runs
/// under the orchestrator's post-copy policy with a budget that switches it to post-copy once it ran well past its
/// prediction. The attempt stays a pre-copy attempt in its record (not counted as post-copy, its retry decided as any
/// pre-copy's); the policy's intent is journaled with the attempt's intent, before the policy exists. What guards it is
/// best effort: a policy that cannot win or cannot be made leaves a plain pre-copy (today's behaviour), never a failed
/// attempt. The policy and marker go when the attempt ends (<see cref="CleanUpPostCopyAsync"/>); after a crash the
/// recovery sweep removes them (a running migration keeps the configuration KubeVirt resolved at its start).
/// </summary>
internal sealed partial class MigrationLoop
{
    // The attempts this process guarded: their policy and marker are removed once they end.
    private readonly HashSet<string> _guarded = new(StringComparer.Ordinal);

    // The policy that would guard this start, or null.
    private PostCopyPolicyDesign? GuardDesign(StartMigration action, ClusterSnapshot snapshot)
    {
        if (action.PostCopy || _learner.PreCopyGuardOf(action.Vmi.Uid) is not { } after
            || context.Policy.Failure.FindPostCopyForbiddingLabel(action.Vmi.Labels) is not null)
        {
            return null;
        }

        var name = MigrationNaming.PostCopyPolicyName(context.DrainIdText, action.Vmi.Uid);
        var design = PostCopyPolicyDesigner.Design(action.Vmi, snapshot.Config.Settings, snapshot.Policies, name,
            snapshot.Config.ProgressTimeout, after);
        return design.Succeeded ? design : null;
    }

    // After the intent (which journaled the policy's intent): the policy, then the marker that makes it select the VMI.
    private async Task GuardAsync(StartMigration action, PostCopyPolicyDesign design, CancellationToken cancellationToken)
    {
        _guarded.Add(action.Name);
        try
        {
            await context.Actions.EnsureMigrationPolicyAsync(design.Policy!, cancellationToken);
            await context.Actions.SetVmiLabelAsync(action.Vmi.Namespace, action.Vmi.Name, design.MarkerLabelKey, design.MarkerLabelValue,
                cancellationToken);
            LearningLog.Guarded(context.Logger, action.Name, action.Vmi.QualifiedName, design.Policy!.Name,
                design.Policy.CompletionTimeoutPerGiB?.TotalSeconds ?? 0);
        }
        catch (KubernetesApiException ex)
        {
            LearningLog.GuardNotSet(context.Logger, action.Name, action.Vmi.QualifiedName, ex.Message);
        }
    }

    // Whether this record's VMI has (or had) the owned policy for this attempt: post-copy, or guarded by this process.
    private bool UsesOwnedPolicy(AttemptRecord record) => record.PostCopy || _guarded.Contains(record.VmimName);
}
