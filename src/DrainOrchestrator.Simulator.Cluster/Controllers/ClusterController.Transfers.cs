namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>Failure reason KubeVirt writes when post-copy loses the guest.</summary>
    public const string PostCopyLostReason = "VMI is irrecoverable due to failed post-copy migration";

    /// <summary>The transfer monitor: applies the physics' verdicts and schedules the next look.</summary>
    public void Tick()
    {
        foreach (var verdict in Transfers.Evaluate(Now))
        {
            Apply(verdict);
        }

        NextTick = Transfers.HasActive ? Now + _step : null;
    }

    private void Apply(TransferVerdict verdict)
    {
        var transfer = verdict.Transfer;
        var job = transfer.Job;
        var vm = job.Vm;
        switch (verdict.Kind)
        {
            case TransferVerdictKind.Completed:
                Succeed(job);
                break;
            case TransferVerdictKind.SwitchedToPostCopy:
            case TransferVerdictKind.Paused:
                vm.MigrationState = vm.MigrationState! with { Mode = transfer.Mode };
                PublishVmi(vm);
                break;
            case TransferVerdictKind.Aborted:
                Fail(job, verdict.Reason!);
                break;
            case TransferVerdictKind.UserAborted:
                Fail(job, "Live migration aborted by request", aborted: true);
                break;
            case TransferVerdictKind.AbortFailed:
                vm.MigrationState = vm.MigrationState! with { AbortStatus = AbortStatus.Failed };
                PublishVmi(vm);
                break;
            case TransferVerdictKind.NetworkLost:
                OnNetworkLost(transfer);
                break;
        }
    }

    private void OnNetworkLost(Transfer transfer)
    {
        var lostNode = transfer.Source.MigrationNetworkUp ? transfer.Target : transfer.Source;
        if (transfer.Mode == MigrationMode.PostCopy)
        {
            // The guest's memory is split between two hosts: KubeVirt gives the VMI up.
            LoseVmi(transfer.Job.Vm, PostCopyLostReason, PostCopyLostReason);
            return;
        }

        Fail(transfer.Job, $"Live migration failed: the migration connection to node {lostNode.Name} was lost");
    }
}
