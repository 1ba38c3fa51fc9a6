using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>How migrations advance: one step at a time, under the cluster limit, with a non-converging label.</summary>
internal sealed partial class FakeCluster
{
    /// <summary>Finishes every Running migration (but foreign ones), then starts Pending ones up to the cluster limit.</summary>
    public void Step()
    {
        lock (_gate)
        {
            foreach (var vmim in _migrations.Where(m => m.Status!.Phase == "Running" && !IsForeignRunning(m)))
            {
                Finish(vmim);
            }

            var running = 0;
            foreach (var vmim in _migrations.Where(m => m.Status!.Phase == "Pending"))
            {
                if (running + _migrations.Count(m => m.Status!.Phase == "Running") >= ClusterLimit)
                {
                    break;
                }

                vmim.Status!.Phase = "Running";
                running++;
            }

            MaxRunning = Math.Max(MaxRunning, _migrations.Count(m => m.Status!.Phase == "Running"));
            StepRestarts();
        }

        _signal.Bump();
    }

    private void Finish(VirtualMachineInstanceMigration vmim)
    {
        var vmi = _vmis.Single(v => v.Metadata.Name == vmim.Spec.VmiName);
        var labels = vmi.Metadata.Labels ?? [];
        var postCopy = labels.ContainsKey(PostCopyPolicyDesigner.MarkerLabelKey)
            && _policies.Any(p => p.Spec.AllowPostCopy == true);
        var converges = !labels.ContainsKey(NonConvergingLabel) || postCopy;
        var target = vmim.Spec.AddedNodeSelector!["kubernetes.io/hostname"];
        var state = new VirtualMachineInstanceMigrationState
        {
            MigrationUid = vmim.Metadata.Uid,
            SourceNode = vmi.Status!.NodeName,
            TargetNode = target,
            Completed = converges,
            Failed = !converges,
            Mode = postCopy ? "PostCopy" : "PreCopy",
            FailureReason = converges ? null : "Live migration is not completed after 150 seconds and has been aborted",
        };
        vmi.Status.MigrationState = state;
        if (converges)
        {
            vmi.Status.NodeName = target;
        }

        vmim.Status!.Phase = converges ? "Succeeded" : "Failed";
        vmim.Status.MigrationState = state;
    }
}
