using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>Admitted: the VMIM counts as running, its target pod is created and the scheduler tries to place it.</summary>
    private void StartScheduling(MigrationJob job)
    {
        var vm = job.Vm;
        job.SourceNode = vm.Pod!.Node;
        job.SourcePod = vm.Pod.Name;
        var target = TargetSide(job);
        var pod = target.NewPod(job.Peer?.Vm ?? vm, job.Uid);
        job.TargetPod = pod;
        job.TargetPodName = pod.Name;
        SetPhase(job, MigrationPhase.Scheduling);
        target._ctx.Publish(new PodChanged(target.Now, pod.ToSnapshot(), PodChangeKind.Created));
        if (job.Peer is { } receiver && target.UnboundVolume(receiver.Vm) is { } volume)
        {
            Fail(job, $"Migration failed: the receiving VM's DataVolume {receiver.Vm.Namespace}/{volume} is missing or its PVC is not bound");
            return;
        }

        var timeout = State.Timings.UnschedulableTimeout;
        After(timeout, job, () =>
        {
            if (job.TargetPod is { Node: null })
            {
                Fail(job, string.Create(CultureInfo.InvariantCulture,
                    $"Migration target pod for VMI [{vm.Namespace}/{vm.Name}] is unschedulable and timed out after {(long)timeout.TotalSeconds} seconds"));
            }
        });
        TryPlace(job);
    }

    private bool TryPlace(MigrationJob job)
    {
        var target = TargetSide(job);
        var node = target._placer.Place(job.Vm, job.AddedNodeSelector, ReferenceEquals(target, this) ? job.SourceNode : null);
        if (node is null)
        {
            if (!_unplaced.Contains(job))
            {
                _unplaced.Add(job);
            }

            return false;
        }

        var pod = job.TargetPod!;
        target.Bind(pod, node);
        job.TargetNodeName = node.Name;
        var startup = target.State.Timings.TargetPodStartup;
        if (job.Peer is { } receiver && target.MacHolder(receiver.Vm, job.Vm) is { } holder)
        {
            After(startup, job, () =>
            {
                pod.Phase = PodPhase.Failed;
                target._ctx.Publish(new PodChanged(target.Now, pod.ToSnapshot(), PodChangeKind.PhaseChanged));
                Fail(job, MacCollisionReason(pod, node.Name, receiver.Vm, holder));
            });
            return true;
        }

        if (target.Faults.ConsumeTargetPodFailure(node.Name))
        {
            After(startup, job, () =>
            {
                pod.Phase = PodPhase.Failed;
                target._ctx.Publish(new PodChanged(target.Now, pod.ToSnapshot(), PodChangeKind.PhaseChanged));
                Fail(job, $"Migration target pod {pod.Name} on node {node.Name} failed to start");
            });
            return true;
        }

        After(startup, job, () =>
        {
            pod.Phase = PodPhase.Running;
            target._ctx.Publish(new PodChanged(target.Now, pod.ToSnapshot(), PodChangeKind.PhaseChanged));
            SetPhase(job, MigrationPhase.Scheduled);
            After(State.Timings.HandOff, job, () => HandOff(job));
        });
        return true;
    }

    private void RetryUnplaced()
    {
        foreach (var job in _unplaced.ToArray())
        {
            if (job.IsFinal || job.TargetPod is not { Node: null } || TryPlace(job))
            {
                _unplaced.Remove(job);
            }
        }

        foreach (var vm in _unplacedVmis.ToArray())
        {
            if (vm.Pod is not { Node: null } || TryPlaceVmi(vm, pinned: null, immediate: false))
            {
                _unplacedVmis.Remove(vm);
            }
        }
    }

    private PodState NewPod(VmState vm, string? migrationUid)
    {
        var pod = new PodState
        {
            Namespace = vm.Namespace,
            Name = $"virt-launcher-{vm.Name}-{_ctx.Ids.NameSuffix()}",
            Uid = _ctx.Ids.NewUid(),
            VmiName = vm.Name,
            VmiUid = vm.VmiUid!,
            MemoryRequestBytes = vm.MemoryBytes,
            CreatedAt = Now,
            MigrationUid = migrationUid,
            Phase = PodPhase.Pending,
        };
        State.Pods[pod.Key] = pod;
        return pod;
    }

    private void Bind(PodState pod, NodeState node)
    {
        pod.Node = node;
        node.AllocatedMemoryBytes += pod.MemoryRequestBytes;
        node.PodCount++;
        _ctx.NodesTouched = true;
        _ctx.Publish(new PodChanged(Now, pod.ToSnapshot(), PodChangeKind.Bound));
    }

    private void DeletePod(PodState pod)
    {
        if (pod.Node is { } node)
        {
            node.AllocatedMemoryBytes -= pod.MemoryRequestBytes;
            node.PodCount--;
            _ctx.NodesTouched = true;
        }

        State.Pods.Remove(pod.Key);
        _ctx.Publish(new PodDeleted(Now, pod.ToSnapshot()));
        _capacityChanged = true;
    }
}
