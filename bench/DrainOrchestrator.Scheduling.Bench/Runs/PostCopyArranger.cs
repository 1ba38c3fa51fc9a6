using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Scheduling.Bench.Model;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Runs;

/// <summary>
/// What the engine does around a post-copy attempt: an orchestrator-owned MigrationPolicy designed by Core and a marker
/// label on the VMI before the VMIM, both removed once the attempt is over.
/// </summary>
internal sealed class PostCopyArranger(SimulatedCluster cluster, ClusterMirror mirror, string drainId, DrainPolicy policy)
{
    /// <summary>Arranges post-copy for <paramref name="action"/>; returns why it cannot be used, or null.</summary>
    public string? Prepare(StartMigration action)
    {
        var forbidding = policy.Failure.FindPostCopyForbiddingLabel(action.Vmi.Labels);
        if (forbidding is not null)
        {
            return $"post-copy is forbidden by the label {forbidding}";
        }

        var snapshot = mirror.Snapshot();
        var name = MigrationNaming.PostCopyPolicyName(drainId, action.Vmi.Uid);
        var design = PostCopyPolicyDesigner.Design(action.Vmi, snapshot.Config.Settings, snapshot.Policies, name,
            snapshot.Config.ProgressTimeout, action.PostCopyFirstPass);
        if (!design.Succeeded)
        {
            return "post-copy policy cannot win: " + design.Problem;
        }

        cluster.UpsertMigrationPolicy(CoreMapper.Policy(design.Policy!));
        SetMarker(action.Vmi.Namespace, action.Vmi.Name, design.MarkerLabelKey, design.MarkerLabelValue);
        return null;
    }

    /// <summary>Removes the marker and the policy of a finished post-copy attempt.</summary>
    public void CleanUp(string @namespace, string vmiName, string vmiUid)
    {
        SetMarker(@namespace, vmiName, PostCopyPolicyDesigner.MarkerLabelKey, null);
        cluster.DeleteMigrationPolicy(MigrationNaming.PostCopyPolicyName(drainId, vmiUid));
    }

    private void SetMarker(string @namespace, string name, string key, string? value)
    {
        if (mirror.Vmi(@namespace, name) is not { } vmi)
        {
            return;
        }

        var labels = new Dictionary<string, string>(vmi.Labels, StringComparer.Ordinal);
        if (value is null)
        {
            labels.Remove(key);
        }
        else
        {
            labels[key] = value;
        }

        cluster.SetVmiLabels(@namespace, name, labels);
    }
}
