namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>The hand-off to virt-handler: the migration options are resolved here, once, and written to the VMI.</summary>
    private void HandOff(MigrationJob job)
    {
        var vm = job.Vm;
        // virt-controller matches policies against the VMI's labels as the API shows them, kubevirt.io/nodeName included.
        var labels = new Dictionary<string, string>(vm.Labels, StringComparer.Ordinal)
        {
            [MigrationPolicyResolver.NodeNameLabel] = job.SourceNode!.Name,
        };
        var policy = MigrationPolicyResolver.SelectPolicy(State.Policies.Values, labels, State.NamespaceLabels(vm.Namespace));
        var target = job.TargetPod!.Node!;
        var route = MigrationNetworkResolver.Resolve(TargetSide(job).State, job.SourceNode!, target);
        if (route.Failure is { } failure)
        {
            Fail(job, failure);
            return;
        }

        job.OnMigrationNetwork = route.OnMigrationNetwork;
        vm.MigrationState = new VmiMigrationState
        {
            MigrationUid = job.Uid,
            SourceNode = job.SourceNode!.Name,
            SourcePod = job.SourcePod!,
            TargetNode = target.Name,
            TargetPod = job.TargetPod.Name,
            TargetNodeAddress = route.TargetAddress,
            MigrationPolicyName = policy?.Name,
            MigrationConfiguration = MigrationPolicyResolver.Resolve(State.Config, policy),
        };
        PublishVmi(vm);
        if (job.Peer is not null)
        {
            MirrorMigrationState(job);
        }

        SetPhase(job, MigrationPhase.PreparingTarget);
        After(State.Timings.TargetPreparation, job, () =>
        {
            SetPhase(job, MigrationPhase.TargetReady);
            After(State.Timings.TransferStart, job, () => StartTransfer(job));
        });
    }

    private void StartTransfer(MigrationJob job)
    {
        var vm = job.Vm;
        var config = vm.MigrationState!.MigrationConfiguration!;
        var gigabytes = Math.Ceiling((vm.MemoryBytes + job.DiskBytes) / 1e9);
        var budget = config.CompletionTimeoutPerGiB * gigabytes;
        var transfer = new Transfer
        {
            Job = job,
            Source = job.SourceNode!,
            Target = job.TargetPod!.Node!,
            Config = config,
            OnMigrationNetwork = job.OnMigrationNetwork,
            StartedAt = Now,
            Budget = budget,
            Deadline = budget,
            MemoryBytes = vm.MemoryBytes,
            WorkingSetBytes = Math.Min(vm.WorkingSetBytes, vm.MemoryBytes),
            FirstPass = vm.MemoryBytes,
            DiskRemaining = job.DiskBytes,
            LastProgressAt = Now,
        };
        job.Transfer = transfer;
        Transfers.Add(transfer, Now);
        NextTick ??= Now + _step;
        vm.MigrationState = vm.MigrationState with { StartTimestamp = Now, Mode = MigrationMode.PreCopy };
        PublishVmi(vm);
        SetPhase(job, MigrationPhase.Running);
        if (Faults.ConsumeVmiDeletionWhileMigrating(vm.Key))
        {
            After(_step * 10, job, () => DeleteVmi(vm));
        }
    }

    private void PublishVmi(VmState vm) => _ctx.Publish(new VmiChanged(Now, vm.ToVmiSnapshot()));
}
