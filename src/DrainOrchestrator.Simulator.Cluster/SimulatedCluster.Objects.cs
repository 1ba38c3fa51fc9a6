namespace DrainOrchestrator.Simulator.Cluster;

public sealed partial class SimulatedCluster
{
    /// <summary>Cordons or uncordons a node (<c>spec.unschedulable</c>). Cordoning alone makes KubeVirt do nothing.</summary>
    public bool SetNodeUnschedulable(string node, bool unschedulable) =>
        UpdateNode(node, n => n.Unschedulable = unschedulable);

    /// <summary>Replaces a node's labels (<c>kubernetes.io/hostname</c> is kept when missing).</summary>
    public bool SetNodeLabels(string node, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return UpdateNode(node, n =>
        {
            var copy = new Dictionary<string, string>(labels, StringComparer.Ordinal);
            copy.TryAdd("kubernetes.io/hostname", n.Name);
            n.Labels = copy;
        });
    }

    /// <summary>Replaces a node's taints.</summary>
    public bool SetNodeTaints(string node, IReadOnlyList<NodeTaint> taints)
    {
        ArgumentNullException.ThrowIfNull(taints);
        return UpdateNode(node, n => n.Taints = [.. taints]);
    }

    /// <summary>Replaces a VMI's (and its VM template's) labels; false when there is no such VM.</summary>
    public bool SetVmiLabels(string @namespace, string name, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Mutate(() =>
        {
            if (!_ctx.State.Vms.TryGetValue(ClusterKeys.Of(@namespace, name), out var vm))
            {
                return false;
            }

            vm.Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal);
            _ctx.Publish(new VirtualMachineChanged(_ctx.Now, vm.ToVmSnapshot()));
            if (vm.VmiUid is not null)
            {
                _ctx.Publish(new VmiChanged(_ctx.Now, vm.ToVmiSnapshot()));
            }

            return true;
        });
    }

    /// <summary>Creates a namespace or replaces its labels.</summary>
    public void SetNamespaceLabels(string @namespace, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Mutate(() =>
        {
            var copy = new Dictionary<string, string>(labels, StringComparer.Ordinal);
            _ctx.State.Namespaces[@namespace] = copy;
            _ctx.Publish(new NamespaceChanged(_ctx.Now, new NamespaceSnapshot(@namespace, copy)));
            return true;
        });
    }

    private bool UpdateNode(string name, Action<NodeState> update) => Mutate(() =>
    {
        if (!_ctx.State.Nodes.TryGetValue(name, out var node))
        {
            return false;
        }

        update(node);
        _controller.NodeConditionsChanged(node);
        return true;
    });
}
