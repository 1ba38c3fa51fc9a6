namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>Creates a VMI for <paramref name="vm"/>; at scenario load it runs at once on the pinned or chosen node.</summary>
    public void StartVmi(VmState vm, NodeState? pinned, bool immediate)
    {
        vm.VmiUid = vm.PresetVmiUid ?? _ctx.Ids.NewUid();
        vm.PresetVmiUid = null;
        vm.VmiCreatedAt = Now;
        vm.Phase = VmiPhase.Scheduling;
        vm.FailureReason = null;
        vm.MigrationState = null;
        vm.Pod = NewPod(vm, migrationUid: null);
        _ctx.Publish(new VirtualMachineChanged(Now, vm.ToVmSnapshot()));
        _ctx.Publish(new PodChanged(Now, vm.Pod.ToSnapshot(), PodChangeKind.Created));
        if (!TryPlaceVmi(vm, pinned, immediate))
        {
            _unplacedVmis.Add(vm);
            PublishVmi(vm);
        }
    }

    /// <summary>The VMI's guest is lost (failed post-copy, node reboot): it fails and its run strategy may restart it cold.</summary>
    public void LoseVmi(VmState vm, string reason, string migrationReason)
    {
        if (vm.VmiUid is null || vm.Phase == VmiPhase.Failed)
        {
            return;
        }

        FailQueued(vm, migrationReason);
        if (vm.ActiveMigration is { } job)
        {
            Fail(job, migrationReason);
        }

        if (vm.Pod is { } pod)
        {
            DeletePod(pod);
            vm.Pod = null;
        }

        vm.Phase = VmiPhase.Failed;
        vm.FailureReason = reason;
        PublishVmi(vm);
        if (vm.RunStrategy is RunStrategy.Always or RunStrategy.RerunOnFailure)
        {
            var uid = vm.VmiUid;
            _ctx.Schedule(State.Timings.ColdRestart, () =>
            {
                if (vm.VmiUid == uid && vm.Phase == VmiPhase.Failed)
                {
                    _ctx.Publish(new VmiDeleted(Now, vm.ToVmiSnapshot()));
                    StartVmi(vm, pinned: null, immediate: false);
                }
            });
        }
    }

    /// <summary>Someone deleted the VMI: a migration in progress fails; RunStrategy Always starts a new one.</summary>
    public void DeleteVmi(VmState vm)
    {
        if (vm.VmiUid is null)
        {
            return;
        }

        FailQueued(vm, $"Migration failed: the VMI {vm.Namespace}/{vm.Name} was deleted");
        if (vm.ActiveMigration is { } job)
        {
            Fail(job, $"Migration failed: the VMI {vm.Namespace}/{vm.Name} was deleted");
        }

        if (vm.Pod is { } pod)
        {
            DeletePod(pod);
        }

        _ctx.Publish(new VmiDeleted(Now, vm.ToVmiSnapshot()));
        vm.VmiUid = null;
        vm.Pod = null;
        vm.MigrationState = null;
        vm.Phase = VmiPhase.Pending;
        _ctx.Publish(new VirtualMachineChanged(Now, vm.ToVmSnapshot()));
        if (vm.RunStrategy == RunStrategy.Always)
        {
            _ctx.Schedule(State.Timings.ColdRestart, () =>
            {
                if (vm.VmiUid is null)
                {
                    StartVmi(vm, pinned: null, immediate: false);
                }
            });
        }
    }

    private bool TryPlaceVmi(VmState vm, NodeState? pinned, bool immediate)
    {
        var pod = vm.Pod!;
        var node = pinned ?? _placer.Place(vm, new Dictionary<string, string>(), exclude: null);
        if (node is null)
        {
            return false;
        }

        Bind(pod, node);
        if (immediate)
        {
            MarkRunning(vm, pod);
            return true;
        }

        vm.Phase = VmiPhase.Scheduled;
        PublishVmi(vm);
        _ctx.Schedule(State.Timings.TargetPodStartup, () =>
        {
            if (ReferenceEquals(vm.Pod, pod))
            {
                MarkRunning(vm, pod);
            }
        });
        return true;
    }

    private void MarkRunning(VmState vm, PodState pod)
    {
        pod.Phase = PodPhase.Running;
        vm.Phase = VmiPhase.Running;
        _ctx.Publish(new PodChanged(Now, pod.ToSnapshot(), PodChangeKind.PhaseChanged));
        PublishVmi(vm);
    }

    // VMIMs admitted through a lagging cache and waiting for the active one go with the guest.
    private void FailQueued(VmState vm, string reason)
    {
        foreach (var queued in vm.QueuedMigrations.ToArray())
        {
            Fail(queued, reason);
        }
    }
}
