using System.Globalization;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Cluster;

/// <summary>
/// Seeded random changes to a <see cref="ClusterCache"/> of a small cluster, as informers deliver them: VMIs that move,
/// stop, appear and go, with hints valid or not; nodes whose hints or readiness change, that appear and go; VMIMs through
/// their phases (unlabelled, or of one of two drains); VMs, namespaces, MigrationPolicies, the KubeVirt CR and PodDisruptionBudgets that change.
/// </summary>
internal sealed class RandomClusterChanges(int seed)
{
    private static readonly string[] Phases = ["Pending", "Scheduling", "Running", "Succeeded", "Failed", "Scheduled"];
    private static readonly string?[] VmiPhases = [null, "Running", "Running", "Scheduled", "Succeeded", "Failed", "Pending"];
    private static readonly string?[] Rates = [null, null, "200Mi", "1Gi", "fast", "-3"];
    private static readonly string?[] Drains = [null, "drain-a", "drain-b"];
    private readonly Random _random = new(seed);

    public void Seed(ClusterCache cache)
    {
        cache.Replace(Enumerable.Range(0, 8).Select(i => Node("node-" + i)));
        cache.Replace(Enumerable.Range(0, 3).Select(i => Namespace("ns-" + i)));
        cache.Replace(Enumerable.Range(0, 40).Select(i => Vmi("vm-" + i)));
        cache.Replace(Enumerable.Range(0, 40).Select(i => Vm("vm-" + i)));
        cache.Replace(Enumerable.Range(0, 5).Select(i => Migration("mig-" + i)));
        cache.Replace([Policy("policy-0")]);
        cache.Replace([KubeVirt()]);
        cache.Replace(Enumerable.Range(0, 2).Select(i => Pdb("pdb-" + i)));
    }

    /// <summary>One random change.</summary>
    public void Step(ClusterCache cache)
    {
        var n = _random.Next(100);
        switch (n)
        {
            case < 45:
                cache.Upsert(Vmi("vm-" + _random.Next(50)));
                break;
            case < 52:
                cache.Remove<VirtualMachineInstance>(Key("vm-" + _random.Next(50)));
                break;
            case < 62:
                cache.Upsert(Node("node-" + _random.Next(10)));
                break;
            case < 64:
                cache.Remove<Node>("node-" + _random.Next(10));
                break;
            case < 80:
                cache.Upsert(Migration("mig-" + _random.Next(12)));
                break;
            case < 83:
                cache.Remove<VirtualMachineInstanceMigration>(Key("mig-" + _random.Next(12)));
                break;
            case < 92:
                cache.Upsert(Vm("vm-" + _random.Next(50)));
                break;
            case < 95:
                cache.Upsert(Namespace("ns-" + _random.Next(3)));
                break;
            case < 97:
                cache.Upsert(Policy("policy-" + _random.Next(2)));
                break;
            case < 98:
                cache.Upsert(Pdb("pdb-" + _random.Next(3)));
                break;
            default:
                cache.Upsert(KubeVirt());
                break;
        }
    }

    private static string Key(string name) => "ns-" + Math.Abs(name.GetHashCode(StringComparison.Ordinal) % 3) + "/" + name;

    private string NodeName() => "node-" + _random.Next(10);

    private Node Node(string name) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Labels = new() { ["kubernetes.io/hostname"] = name, ["zone"] = "z" + _random.Next(2) },
            Annotations = Pick(["10Gi", "fast", null]) is { } bandwidth ? new() { [HintAnnotations.MigrationBandwidth] = bandwidth } : null,
        },
        Spec = new NodeSpec { Unschedulable = _random.Next(5) == 0 },
        Status = new NodeStatus
        {
            Allocatable = new() { ["memory"] = Quantity.FromBytes((32L + _random.Next(4) * 32) << 30) },
            Conditions = [new NodeCondition { Type = "Ready", Status = _random.Next(6) == 0 ? "False" : "True" }],
        },
    };

    private Namespace Namespace(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new() { ["team"] = "t" + _random.Next(3) } },
    };

    private VirtualMachineInstance Vmi(string name)
    {
        var key = Key(name);
        var rate = Pick(Rates);
        return new VirtualMachineInstance
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = key[..key.IndexOf('/', StringComparison.Ordinal)],
                Uid = name + "-" + _random.Next(3).ToString(CultureInfo.InvariantCulture),
                Labels = new() { ["app"] = "a" + _random.Next(4) },
                Annotations = rate is null ? null : new() { [HintAnnotations.DirtyRate] = rate },
                OwnerReferences = _random.Next(4) == 0 ? null : [new OwnerReference { Kind = "VirtualMachine", Name = name }],
            },
            Spec = new VirtualMachineInstanceSpec
            {
                EvictionStrategy = Pick(["LiveMigrate", "None", null]),
                Domain = new DomainSpec { Resources = new DomainResources { Requests = new() { ["memory"] = Quantity.FromBytes((1L + _random.Next(8)) << 30) } } },
            },
            Status = new VirtualMachineInstanceStatus
            {
                NodeName = _random.Next(10) == 0 ? null : NodeName(),
                Phase = Pick(VmiPhases),
                Conditions = [new Condition { Type = "LiveMigratable", Status = _random.Next(5) == 0 ? "False" : "True" }],
            },
        };
    }

    // A PDB over one app whose limit is a number, a percentage or a minimum (the last two count the VMIs it covers).
    private PodDisruptionBudget Pdb(string name)
    {
        var key = Key(name);
        var limit = _random.Next(3);
        return new PodDisruptionBudget
        {
            Metadata = new ObjectMeta { Name = name, Namespace = key[..key.IndexOf('/', StringComparison.Ordinal)] },
            Spec = new PodDisruptionBudgetSpec
            {
                Selector = new LabelSelector { MatchLabels = new() { ["app"] = "a" + _random.Next(4) } },
                MaxUnavailable = limit switch { 0 => IntOrString.FromInt(1), 1 => IntOrString.FromString("50%"), _ => null },
                MinAvailable = limit == 2 ? IntOrString.FromInt(2) : null,
            },
        };
    }

    private VirtualMachine Vm(string name)
    {
        var key = Key(name);
        return new VirtualMachine
        {
            Metadata = new ObjectMeta { Name = name, Namespace = key[..key.IndexOf('/', StringComparison.Ordinal)] },
            Spec = new VirtualMachineSpec
            {
                RunStrategy = Pick(["Always", "Manual", null]),
                Template = new VirtualMachineInstanceTemplateSpec
                {
                    Metadata = new ObjectMeta { Annotations = Pick(Rates) is { } rate ? new() { [HintAnnotations.DirtyRate] = rate } : null },
                },
            },
        };
    }

    private VirtualMachineInstanceMigration Migration(string name)
    {
        var key = Key(name);
        return new VirtualMachineInstanceMigration
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = key[..key.IndexOf('/', StringComparison.Ordinal)],
                Uid = name + "-uid",
                Labels = Pick(Drains) is { } drain ? new() { [NodeLeaseNames.DrainLabel] = drain } : null,
            },
            Spec = new VirtualMachineInstanceMigrationSpec
            {
                VmiName = "vm-" + _random.Next(50),
                AddedNodeSelector = _random.Next(2) == 0 ? null : new() { ["kubernetes.io/hostname"] = NodeName() },
            },
            Status = new VirtualMachineInstanceMigrationStatus { Phase = Pick(Phases) },
        };
    }

    private MigrationPolicy Policy(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new MigrationPolicySpec
        {
            Selectors = new MigrationPolicySelectors { NamespaceSelector = new() { ["team"] = "t" + _random.Next(3) } },
            AllowPostCopy = _random.Next(2) == 0,
        },
    };

    private KubeVirt KubeVirt()
    {
        var kubeVirt = new KubeVirt { Metadata = new ObjectMeta { Name = "kubevirt", Namespace = "kubevirt" } };
        kubeVirt.Spec.Configuration = new KubeVirtConfiguration
        {
            Migrations = new MigrationConfiguration { ParallelMigrationsPerCluster = 1 + _random.Next(5), ParallelOutboundMigrationsPerNode = 2 },
        };
        return kubeVirt;
    }

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
