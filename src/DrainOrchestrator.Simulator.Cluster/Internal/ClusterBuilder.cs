namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Turns a scenario's definitions into the model's initial state and schedules its faults.</summary>
internal static class ClusterBuilder
{
    private const string HostnameLabel = "kubernetes.io/hostname";

    public static void Populate(ModelContext ctx, ClusterController controller, ClusterScenario scenario)
    {
        var state = ctx.State;
        foreach (var ns in scenario.Namespaces)
        {
            state.Namespaces[ns.Name] = ns.Labels;
        }

        foreach (var vm in scenario.Vms)
        {
            state.Namespaces.TryAdd(vm.Namespace, new Dictionary<string, string>());
        }

        for (var i = 0; i < scenario.Nodes.Count; i++)
        {
            state.AddNode(ToNode(scenario.Nodes[i], i, scenario.Hints));
        }

        foreach (var policy in scenario.MigrationPolicies)
        {
            state.Policies[policy.Name] = policy;
        }

        foreach (var attachment in scenario.NetworkAttachments)
        {
            state.NetworkAttachments[ClusterKeys.Of(attachment.Namespace, attachment.Name)] = attachment;
        }

        foreach (var definition in scenario.Vms)
        {
            var vm = ToVm(definition, definition.Uid ?? ctx.Ids.NewUid(), scenario.Hints);
            state.AddVm(vm);
            if (definition.RunStrategy != RunStrategy.Halted)
            {
                var pinned = definition.Node is null ? null : state.Nodes[definition.Node];
                controller.StartVmi(vm, pinned, immediate: true);
            }
        }

        foreach (var scheduled in scenario.Faults)
        {
            ctx.Schedule(scheduled.At, () => controller.Inject(scheduled.Fault));
        }
    }

    private static NodeState ToNode(NodeDefinition definition, int index, bool hints)
    {
        var labels = new Dictionary<string, string>(definition.Labels, StringComparer.Ordinal);
        labels.TryAdd(HostnameLabel, definition.Name);
        return new NodeState(definition.Name)
        {
            Index = index,
            Labels = labels,
            Taints = definition.Taints,
            MemoryBytes = definition.MemoryBytes,
            NicBandwidth = definition.NicBandwidthBytesPerSecond,
            MigrationNicBandwidth = definition.MigrationNicBandwidthBytesPerSecond,
            Annotations = hints
                ? HintAnnotations.ForNode(definition.NicBandwidthBytesPerSecond, definition.MigrationNicBandwidthBytesPerSecond)
                : HintAnnotations.None,
            KubeletVersion = definition.KubeletVersion,
            BaseReady = definition.Ready,
            Unschedulable = definition.Unschedulable,
        };
    }

    private static VmState ToVm(VmDefinition definition, string uid, bool hints) => new()
    {
        Namespace = definition.Namespace,
        Name = definition.Name,
        Uid = uid,
        Labels = definition.Labels,
        MemoryBytes = definition.MemoryBytes,
        DirtyRate = definition.DirtyRateBytesPerSecond,
        PublishesHints = hints,
        WorkingSetBytes = definition.WorkingSetBytes ?? definition.MemoryBytes / 4,
        EvictionStrategy = definition.EvictionStrategy,
        RunStrategy = definition.RunStrategy,
        NonMigratableReason = definition.NonMigratableReason,
        NodeSelector = definition.NodeSelector,
        RequiredNodeAffinity = definition.RequiredNodeAffinity,
        Tolerations = definition.Tolerations,
        PresetVmiUid = definition.VmiUid,
        MacAddress = MacAddresses.Normalize(definition.MacAddress),
    };
}
