namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>Injects <paramref name="fault"/> now. Returns the problem when it names something that does not exist.</summary>
    public string? Inject(FaultSpec fault)
    {
        switch (fault)
        {
            case TargetPodStartFailureFault f:
                if (f.Node is not null && !State.Nodes.ContainsKey(f.Node))
                {
                    return $"unknown node \"{f.Node}\"";
                }

                Faults.ArmTargetPodFailures(f.Node, Math.Max(1, f.Count));
                return null;
            case MigrationNetworkLossFault f:
                return WithNode(f.Node, node => ForPeriod(node, f.Duration, n => n.NetworkLossFaults++, n => n.NetworkLossFaults--));
            case NodeNotReadyFault f:
                return WithNode(f.Node, node => ForPeriod(node, f.Duration, n => n.NotReadyFaults++, n => n.NotReadyFaults--));
            case NodeRebootFault f:
                return WithNode(f.Node, node => Reboot(node, f));
            case VmiDeletionFault f:
                return WithVm(f.Namespace, f.Name, vm =>
                {
                    if (f.WhileMigrating)
                    {
                        Faults.ArmVmiDeletion(vm.Key);
                    }
                    else
                    {
                        DeleteVmi(vm);
                    }
                });
            case DirtyRateChangeFault f:
                return WithVm(f.Namespace, f.Name, vm =>
                {
                    Transfers.IntegrateTo(Now);
                    vm.DirtyRate = Math.Max(0, f.BytesPerSecond);
                    _ctx.Publish(new VirtualMachineChanged(Now, vm.ToVmSnapshot()));
                    if (vm.PublishesHints && vm.VmiUid is not null)
                    {
                        // The VMI's dirty-rate hint follows the guest.
                        _ctx.Publish(new VmiChanged(Now, vm.ToVmiSnapshot()));
                    }
                });
            case FinishedVmimCollectionFault:
                foreach (var job in State.Migrations.Values.Where(j => j.IsFinal).ToArray())
                {
                    Remove(job, VmimRemovalReason.GarbageCollected);
                }

                return null;
            default:
                return $"unsupported fault {fault.GetType().Name}";
        }
    }

    private void Reboot(NodeState node, NodeRebootFault fault)
    {
        ForPeriod(node, fault.Duration, n => n.NotReadyFaults++, n =>
        {
            n.NotReadyFaults--;
            if (fault.KubeletVersion is { } version)
            {
                n.KubeletVersion = version;
            }
        });
        EvictForReboot(node, $"node {node.Name} rebooted");
    }

    /// <summary>
    /// The node went down: migrations whose target pod is on it fail, and the guests running on it are lost (restarted
    /// cold per their run strategy). <paramref name="cause"/> completes the messages, e.g. "node n1 rebooted".
    /// </summary>
    public void EvictForReboot(NodeState node, string cause)
    {
        foreach (var job in State.Migrations.Values.Where(j => !j.IsFinal && ReferenceEquals(j.TargetPod?.Node, node)).ToArray())
        {
            Fail(job, $"Migration failed: target {cause}");
        }

        foreach (var vm in ResidentGuests(node))
        {
            LoseVmi(vm, $"VMI lost: {cause}", $"Migration failed: {cause}");
        }
    }

    /// <summary>The VMs whose own virt-launcher pod is bound to <paramref name="node"/> (running or starting there).</summary>
    public IReadOnlyList<VmState> ResidentGuests(NodeState node) =>
        node.PodCount == 0 ? [] : [.. State.VmList.Where(v => ReferenceEquals(v.Pod?.Node, node))];

    /// <summary>Every VM with a pod on <paramref name="node"/>: its guests, and those with a migration target pod there.</summary>
    public IReadOnlyList<VmState> GuestsOn(NodeState node) =>
        node.PodCount == 0
            ? []
            : [.. ResidentGuests(node), .. State.Migrations.Values.Where(j => !j.IsFinal && ReferenceEquals(j.TargetPod?.Node, node)).Select(j => j.Vm)];

    /// <summary>Applies a node condition now and reverts it after <paramref name="duration"/>.</summary>
    private void ForPeriod(NodeState node, TimeSpan duration, Action<NodeState> apply, Action<NodeState> revert)
    {
        apply(node);
        NodeConditionsChanged(node);
        _ctx.Schedule(duration, () =>
        {
            revert(node);
            NodeConditionsChanged(node);
        });
    }

    /// <summary>Publishes the node and lets placement, bandwidth and the transfer monitor see the change.</summary>
    public void NodeConditionsChanged(NodeState node)
    {
        Transfers.Invalidate(Now);
        _capacityChanged = true;
        _evacuationNeeded = true;
        _ctx.NodesTouched = true;
        _ctx.Publish(new NodeChanged(Now, node.ToSnapshot()));
    }

    private string? WithNode(string name, Action<NodeState> action)
    {
        if (!State.Nodes.TryGetValue(name, out var node))
        {
            return $"unknown node \"{name}\"";
        }

        action(node);
        return null;
    }

    private string? WithVm(string @namespace, string name, Action<VmState> action)
    {
        if (!State.Vms.TryGetValue(ClusterKeys.Of(@namespace, name), out var vm))
        {
            return $"unknown virtual machine \"{@namespace}/{name}\"";
        }

        action(vm);
        return null;
    }
}
