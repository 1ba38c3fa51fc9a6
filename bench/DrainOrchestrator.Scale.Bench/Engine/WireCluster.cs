using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// The API objects of a generated <see cref="ClusterSnapshot"/> (<see cref="Clusters.ClusterGenerator"/>), as an
/// informer would list them: nodes with their NIC hints, VMIs with their selectors, affinity, tolerations, dirty-rate
/// hints and LiveMigratable condition, their namespaces, the MigrationPolicies and a KubeVirt CR with KubeVirt's limits.
/// </summary>
internal sealed record WireCluster(
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<VirtualMachineInstance> Vmis,
    IReadOnlyList<Namespace> Namespaces,
    IReadOnlyList<MigrationPolicy> Policies,
    KubeVirt KubeVirt)
{
    public static WireCluster Of(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var namespaces = snapshot.Vmis.GroupBy(v => v.Namespace, StringComparer.Ordinal)
            .Select(g => new Namespace { Metadata = new ObjectMeta { Name = g.Key, Labels = new(g.First().NamespaceLabels, StringComparer.Ordinal) } })
            .ToList();
        var kubeVirt = new KubeVirt { Metadata = new ObjectMeta { Name = "kubevirt", Namespace = "kubevirt" } };
        kubeVirt.Spec.Configuration = new KubeVirtConfiguration
        {
            Migrations = new MigrationConfiguration
            {
                ParallelMigrationsPerCluster = snapshot.Config.ParallelMigrationsPerCluster,
                ParallelOutboundMigrationsPerNode = snapshot.Config.ParallelOutboundMigrationsPerNode,
            },
        };
        return new WireCluster([.. snapshot.Nodes.Select(Node)], [.. snapshot.Vmis.Select(Vmi)], namespaces,
            [.. snapshot.Policies.Select(Policy)], kubeVirt);
    }

    private static Node Node(NodeSnapshot node) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = node.Name,
            ResourceVersion = "1",
            Labels = new(node.Labels, StringComparer.Ordinal),
            Annotations = node.NicBandwidthBytesPerSecond is { } nic
                ? new(StringComparer.Ordinal) { [HintAnnotations.MigrationBandwidth] = nic.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null,
        },
        Spec = new NodeSpec
        {
            Unschedulable = node.Unschedulable,
            Taints = [.. node.Taints.Select(t => new Kubernetes.Models.Taint { Key = t.Key, Value = t.Value, Effect = t.Effect.ToString() })],
        },
        Status = new NodeStatus
        {
            Allocatable = new() { ["memory"] = Quantity.FromBytes(node.AllocatableMemoryBytes) },
            Conditions = [new NodeCondition { Type = "Ready", Status = node.Ready ? "True" : "False" }],
            NodeInfo = new NodeSystemInfo { KubeletVersion = node.KubeletVersion },
        },
    };

    private static VirtualMachineInstance Vmi(VmiSnapshot vmi) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = vmi.Name,
            Namespace = vmi.Namespace,
            Uid = vmi.Uid,
            ResourceVersion = "1",
            Labels = new(vmi.Labels, StringComparer.Ordinal),
            Annotations = vmi.DirtyRateBytesPerSecond is { } rate
                ? new(StringComparer.Ordinal) { [HintAnnotations.DirtyRate] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null,
        },
        Spec = new VirtualMachineInstanceSpec
        {
            EvictionStrategy = vmi.EvictionStrategy.ToString(),
            NodeSelector = vmi.NodeSelector.Count == 0 ? null : new(vmi.NodeSelector, StringComparer.Ordinal),
            Affinity = vmi.RequiredAffinityTerms.Count == 0 ? null : new Affinity
            {
                NodeAffinity = new NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                    {
                        NodeSelectorTerms = [.. vmi.RequiredAffinityTerms.Select(t => new Kubernetes.Models.NodeSelectorTerm
                        {
                            MatchExpressions = [.. t.MatchExpressions.Select(e => new Kubernetes.Models.NodeSelectorRequirement
                            {
                                Key = e.Key, Operator = e.Operator.ToString(), Values = [.. e.Values],
                            })],
                        })],
                    },
                },
            },
            Tolerations = vmi.Tolerations.Count == 0 ? null : [.. vmi.Tolerations.Select(t => new Kubernetes.Models.Toleration
            {
                Key = t.Key, Operator = t.Operator.ToString(), Value = t.Value, Effect = t.Effect?.ToString(),
            })],
            Domain = new DomainSpec { Resources = new DomainResources { Requests = new() { ["memory"] = Quantity.FromBytes(vmi.MemoryBytes) } } },
        },
        Status = new VirtualMachineInstanceStatus
        {
            NodeName = vmi.NodeName,
            Phase = "Running",
            Conditions = [new Condition
            {
                Type = "LiveMigratable",
                Status = vmi.LiveMigratable == false ? "False" : "True",
                Reason = vmi.LiveMigratableReason,
            }],
        },
    };

    private static MigrationPolicy Policy(MigrationPolicySnapshot policy) => new()
    {
        Metadata = new ObjectMeta { Name = policy.Name },
        Spec = new MigrationPolicySpec
        {
            Selectors = new MigrationPolicySelectors
            {
                NamespaceSelector = new(policy.NamespaceSelector, StringComparer.Ordinal),
                VirtualMachineInstanceSelector = new(policy.VmiSelector, StringComparer.Ordinal),
            },
            BandwidthPerMigration = policy.BandwidthPerMigrationBytesPerSecond is { } b ? Quantity.FromBytes(b) : null,
            AllowPostCopy = policy.AllowPostCopy,
            AllowAutoConverge = policy.AllowAutoConverge,
        },
    };
}
