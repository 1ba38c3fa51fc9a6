using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Semantic checks of a scenario (names unique, references resolve, values in range), all reported at once.</summary>
public static class ScenarioValidator
{
    /// <summary>Every problem with <paramref name="scenario"/>; empty when valid.</summary>
    public static IReadOnlyList<ScenarioError> Validate(ClusterScenario scenario) =>
        Validate(scenario, scenario?.Source ?? "scenario", _ => null);

    internal static List<ScenarioError> Validate(ClusterScenario scenario, string file, Func<object, YamlNode?> positionOf)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new List<ScenarioError>();
        void Add(object? at, string message)
        {
            var node = at is null ? null : positionOf(at);
            errors.Add(new ScenarioError(file, node?.Start.Line ?? 0, node?.Start.Column ?? 0, message));
        }

        if (scenario.Nodes.Count == 0)
        {
            Add(null, "the scenario has no nodes");
        }

        scenario.MigrationConfig.Validate().ToList().ForEach(p => Add(scenario.MigrationConfig, p));
        scenario.Timings.Validate().ToList().ForEach(p => Add(scenario.Timings, p));
        ValidateNodes(scenario, Add);
        ValidateVms(scenario, Add);
        ValidatePolicies(scenario, Add);
        ValidateFaults(scenario, Add);
        ValidateUpgrade(scenario, Add);
        ValidateNetworkAttachments(scenario, Add);
        return errors;
    }

    // An attachment whose config has no usable IPAM range is allowed on purpose: it is how a scenario breaks the
    // migration network (KubeVirt then migrates over the pod network).
    private static void ValidateNetworkAttachments(ClusterScenario scenario, Action<object?, string> add)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attachment in scenario.NetworkAttachments)
        {
            if (!keys.Add(ClusterKeys.Of(attachment.Namespace, attachment.Name)))
            {
                add(attachment, $"duplicate network attachment definition \"{attachment.Namespace}/{attachment.Name}\"");
            }
        }

        foreach (var node in scenario.Nodes.Where(n => n.MigrationNicBandwidthBytesPerSecond < 0))
        {
            add(node, $"node {node.Name}: migrationNic must not be negative");
        }
    }

    private static void ValidateNodes(ClusterScenario scenario, Action<object?, string> add)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in scenario.Nodes)
        {
            if (!names.Add(node.Name))
            {
                add(node, $"duplicate node name \"{node.Name}\"");
            }

            if (node.MemoryBytes <= 0)
            {
                add(node, $"node {node.Name}: memory must be positive");
            }

            if (node.NicBandwidthBytesPerSecond <= 0)
            {
                add(node, $"node {node.Name}: nicBandwidth must be positive");
            }
        }
    }

    private static void ValidateVms(ClusterScenario scenario, Action<object?, string> add)
    {
        var nodes = scenario.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var uids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vm in scenario.Vms)
        {
            var key = ClusterKeys.Of(vm.Namespace, vm.Name);
            if (!names.Add(key))
            {
                add(vm, $"duplicate vm \"{key}\"");
            }

            if (vm.MemoryBytes <= 0)
            {
                add(vm, $"vm {key}: memory must be positive");
            }

            if (vm.MacAddress is { } mac && !MacAddresses.IsValid(mac))
            {
                add(vm, $"vm {key}: macAddress must be six hex octets separated by colons (e.g. 02:00:00:00:00:01), was '{mac}'");
            }

            if (vm.WorkingSetBytes > vm.MemoryBytes)
            {
                add(vm, $"vm {key}: workingSet ({vm.WorkingSetBytes} bytes) must not exceed memory ({vm.MemoryBytes} bytes)");
            }

            if (vm.Node is not null && !nodes.Contains(vm.Node))
            {
                add(vm, $"vm {key}: node \"{vm.Node}\" is not a node of the scenario");
            }

            if (scenario.Hints && !(vm.DirtyRateBytesPerSecond > 0))
            {
                add(vm, $"vm {key}: dirtyRate must be positive when hints is true (the dirty-rate annotation takes positive rates only)");
            }

            foreach (var uid in new[] { vm.Uid, vm.VmiUid }.OfType<string>())
            {
                if (!uids.Add(uid))
                {
                    add(vm, $"vm {key}: uid \"{uid}\" is used twice; every uid and vmiUid must be unique");
                }
            }

            if (vm.NonMigratableReason is { } reason && !LiveMigratableReasons.All.Contains(reason, StringComparer.Ordinal))
            {
                add(vm, $"vm {key}: nonMigratableReason must be one of {string.Join(", ", LiveMigratableReasons.All)}, was \"{reason}\"");
            }
        }
    }

    private static void ValidatePolicies(ClusterScenario scenario, Action<object?, string> add)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in scenario.MigrationPolicies)
        {
            if (!names.Add(policy.Name))
            {
                add(policy, $"duplicate migration policy name \"{policy.Name}\"");
            }
        }
    }

    private static void ValidateFaults(ClusterScenario scenario, Action<object?, string> add)
    {
        var nodes = scenario.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var vms = scenario.Vms.Select(v => ClusterKeys.Of(v.Namespace, v.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var scheduled in scenario.Faults)
        {
            var (node, vm) = scheduled.Fault switch
            {
                TargetPodStartFailureFault f => (f.Node, null),
                MigrationNetworkLossFault f => (f.Node, null),
                NodeNotReadyFault f => (f.Node, null),
                NodeRebootFault f => (f.Node, (string?)null),
                VmiDeletionFault f => (null, ClusterKeys.Of(f.Namespace, f.Name)),
                DirtyRateChangeFault f => (null, ClusterKeys.Of(f.Namespace, f.Name)),
                _ => (null, null),
            };
            if (node is not null && !nodes.Contains(node))
            {
                add(scheduled, $"fault names node \"{node}\", which is not a node of the scenario");
            }

            if (vm is not null && !vms.Contains(vm))
            {
                add(scheduled, $"fault names vm \"{vm}\", which is not a vm of the scenario");
            }

            if (scenario.Hints && scheduled.Fault is DirtyRateChangeFault { BytesPerSecond: not > 0 })
            {
                add(scheduled, "a dirtyRateChange fault must set a positive rate when hints is true (the dirty-rate annotation takes positive rates only)");
            }

            if (scheduled.At < TimeSpan.Zero)
            {
                add(scheduled, "fault time must not be negative");
            }
        }
    }

    private static void ValidateUpgrade(ClusterScenario scenario, Action<object?, string> add)
    {
        var upgrade = scenario.Upgrade;
        upgrade.Validate().ToList().ForEach(p => add(upgrade, p));
        var nodes = scenario.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in upgrade.Nodes.Where(n => !nodes.Contains(n)))
        {
            add(upgrade, $"upgrade.nodes names node \"{name}\", which is not a node of the scenario");
        }

        if (upgrade.Selector is { } selector && nodes.Count > 0 && !scenario.Nodes.Any(n => upgrade.Selects(n.Labels)))
        {
            add(upgrade, $"upgrade.selector ({string.Join(",", selector.Select(p => $"{p.Key}={p.Value}"))}) matches no node of the scenario");
        }

        var failing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var failure in upgrade.Failures)
        {
            if (!nodes.Contains(failure.Node))
            {
                add(failure, $"upgrade failure names node \"{failure.Node}\", which is not a node of the scenario");
            }

            if (!failing.Add(failure.Node))
            {
                add(failure, $"upgrade failure for node \"{failure.Node}\" is given twice");
            }
        }
    }
}
