using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// An in-memory cluster for engine tests: the engine's view and its actions. Migrations advance only when the test
/// calls <see cref="Step"/>: Pending VMIMs within the cluster limit start Running, Running ones finish.
/// </summary>
internal sealed partial class FakeCluster : IClusterView, IClusterActions
{
    public const string NonConvergingLabel = "test/non-converging";
    private readonly Lock _gate = new();
    private readonly ChangeSignal _signal = new();
    private readonly List<Node> _nodes = [];
    private readonly List<VirtualMachineInstance> _vmis = [];
    private readonly List<VirtualMachineInstanceMigration> _migrations = [];
    private readonly List<MigrationPolicy> _policies = [];
    private int _uid;

    public int ClusterLimit { get; set; } = 5;

    /// <summary>The clock the fake stamps its records with (the engine's, when a test moves time by hand).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Dictionary<string, int> CreatesByName { get; } = new(StringComparer.Ordinal);

    public int MaxRunning { get; private set; }

    public List<string> DeletedMigrations { get; } = [];

    public List<string> Leases { get; } = [];

    /// <summary>Runs before each fresh list of VMIMs (a retry's read of the API server), e.g. to land a late create just then.</summary>
    public Action? BeforeFreshList { get; set; }

    /// <summary>Called before each read of one VMIM from the API server itself (not the view).</summary>
    public Action? BeforeFreshGet { get; set; }

    /// <summary>How many of the next cordon or uncordon calls the API server answers 503 (an outage the client's retries did not ride out).</summary>
    public int UnavailableCordons { get; set; }

    /// <summary>Throws (a simulated crash) when the Nth VMIM create is requested, before it reaches the cluster.</summary>
    public int? CrashOnCreate { get; set; }

    /// <summary>How many more VMIM creates the API server answers 500.</summary>
    public int FailingCreates { get; set; }

    /// <summary>Whether a create answered 500 was committed first (the ambiguous case: the VMIM exists).</summary>
    public bool CommitFailedCreates { get; set; }

    /// <summary>Runs when a VMIM create is requested, before the API server receives it (a slow network, a paused sender).</summary>
    public Func<VirtualMachineInstanceMigration, CancellationToken, Task>? BeforeCreate { get; set; }

    /// <summary>How many reads went to the API server itself (GET or LIST of VMIMs), past the view.</summary>
    public int FreshReads { get; private set; }

    /// <summary>Runs after a VMIM was created (it exists in the cluster), before the engine hears back from the call.</summary>
    public Func<string, Task>? AfterCreate { get; set; }

    /// <summary>Runs after a node's coordination Lease was released (the drain is finishing).</summary>
    public Func<string, Task>? AfterNodeLeaseReleased { get; set; }

    /// <summary>How many VMIMs were created, every name counted once per create.</summary>
    public int CreateCount
    {
        get
        {
            lock (_gate)
            {
                return CreatesByName.Values.Sum();
            }
        }
    }

    public long Version => _signal.Version;

    public ClusterState Current
    {
        get
        {
            lock (_gate)
            {
                var kubeVirt = new KubeVirt();
                kubeVirt.Spec.Configuration = new KubeVirtConfiguration
                {
                    Migrations = new MigrationConfiguration { ParallelMigrationsPerCluster = ClusterLimit, ParallelOutboundMigrationsPerNode = 2 },
                };
                return new ClusterState([.. _nodes.Select(Copy)], [.. _vmis.Select(Copy)], [.. _migrations.Select(Copy)],
                    [.. _policies], [], kubeVirt)
                {
                    VirtualMachines = [.. _vms.Select(Copy)],
                };
            }
        }
    }

    public Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken) => _signal.WhenChangedAsync(seenVersion, cancellationToken);

    public FakeCluster AddNode(string name, long memoryGi = 64)
    {
        lock (_gate)
        {
            _nodes.Add(new Node
            {
                Metadata = new ObjectMeta { Name = name, Labels = new() { ["kubernetes.io/hostname"] = name } },
                Spec = new NodeSpec(),
                Status = new NodeStatus
                {
                    Allocatable = new() { ["memory"] = Quantity.FromBytes(memoryGi << 30) },
                    Conditions = [new NodeCondition { Type = "Ready", Status = "True" }],
                },
            });
        }

        return this;
    }

    /// <summary>Deletes the node, as someone might mid-drain (its VMIs stay, as after a crash of the node).</summary>
    public void RemoveNode(string name)
    {
        lock (_gate)
        {
            _nodes.RemoveAll(n => n.Metadata.Name == name);
        }

        _signal.Bump();
    }

    public FakeCluster AddVmi(string name, string node, bool migratable = true, Dictionary<string, string>? labels = null)
    {
        lock (_gate)
        {
            _vmis.Add(new VirtualMachineInstance
            {
                Metadata = new ObjectMeta { Name = name, Namespace = "vms", Uid = "uid-" + name, Labels = labels ?? [] },
                Spec = new VirtualMachineInstanceSpec
                {
                    EvictionStrategy = "LiveMigrate",
                    Domain = new DomainSpec { Resources = new DomainResources { Requests = new() { ["memory"] = Quantity.FromBytes(1L << 30) } } },
                },
                Status = new VirtualMachineInstanceStatus
                {
                    NodeName = node,
                    Phase = "Running",
                    Conditions = [new Condition { Type = "LiveMigratable", Status = migratable ? "True" : "False", Reason = migratable ? null : "DisksNotLiveMigratable" }],
                },
            });
        }

        return this;
    }

    public bool IsUnschedulable(string node)
    {
        lock (_gate)
        {
            return _nodes.Single(n => n.Metadata.Name == node).Spec?.Unschedulable == true;
        }
    }

    public IReadOnlyList<VirtualMachineInstance> VmisOn(string node) => [.. Current.Vmis.Where(v => v.Status?.NodeName == node)];

    public IReadOnlyList<MigrationPolicy> Policies => Current.Policies;

    private static T Copy<T>(T value)
        where T : KubernetesObject
    {
        var json = System.Text.Json.JsonSerializer.Serialize(value, typeof(T), KubernetesJsonContext.Default);
        return (T)System.Text.Json.JsonSerializer.Deserialize(json, typeof(T), KubernetesJsonContext.Default)!;
    }
}
