using System.Diagnostics;
using System.Text.Json;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// A KubeVirt cluster in memory for the engine bench: it holds the API objects, sends every change to the engine's view
/// as its informers would, and moves time on its own thread (<see cref="Tick"/>): a created VMIM runs after
/// <see cref="EngineBenchOptions.StartDelay"/> and succeeds after <see cref="EngineBenchOptions.MigrationTime"/>, its VMI
/// then on the target node; meanwhile VMIs elsewhere change at <see cref="EngineBenchOptions.ChurnPerSecond"/> (a seeded
/// stream, as guest agents and controllers update a large fleet). Objects sent are never changed afterwards.
/// </summary>
internal sealed partial class SimulatedCluster
{
    private readonly Lock _gate = new();
    private readonly IObjectSink _sink;
    private readonly EngineBenchOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, VirtualMachineInstance> _vmis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VirtualMachineInstanceMigration> _vmims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MigrationPolicy> _policies = new(StringComparer.Ordinal);
    private readonly List<InFlight> _inFlight = [];
    private readonly List<string> _churnKeys;
    private readonly Random _random;
    private long _lastTick;
    private double _churnDue;
    private int _uid;

    public SimulatedCluster(WireCluster cluster, IObjectSink sink, EngineBenchOptions options, TimeProvider time, int seed)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        (_sink, _options, _time, _random) = (sink, options, time, new Random(seed));
        foreach (var vmi in cluster.Vmis)
        {
            _vmis[InformerKeys.Of(vmi)] = vmi;
        }

        foreach (var node in cluster.Nodes)
        {
            _nodes[node.Metadata.Name!] = node;
        }

        foreach (var policy in cluster.Policies)
        {
            _policies[policy.Metadata.Name!] = policy;
        }

        _churnKeys = [.. _vmis.Keys];
        sink.Replace(cluster.Nodes);
        sink.Replace(cluster.Vmis);
        sink.Replace(Array.Empty<VirtualMachineInstanceMigration>());
        sink.Replace(cluster.Policies);
        sink.Replace(cluster.Namespaces);
        sink.Replace([cluster.KubeVirt]);
        sink.Replace(Array.Empty<VirtualMachine>());
        _lastTick = Stopwatch.GetTimestamp();
    }

    /// <summary>Refill latencies: each create of a VMIM after a migration succeeded, from the oldest unpaired success.</summary>
    public RefillClock Refills { get; } = new();

    /// <summary>Refill latencies paired by the engine's passes; null when not measured.</summary>
    public PassRefills? PassRefills { get; init; }

    /// <summary>Migrations that succeeded.</summary>
    public int Completed { get; private set; }

    /// <summary>VMIMs created.</summary>
    public int Created { get; private set; }

    /// <summary>Changes sent for VMIs nobody migrates.</summary>
    public long ChurnChanges { get; private set; }

    /// <summary>Moves the cluster to now: VMIMs start and succeed, VMIs elsewhere change.</summary>
    public void Tick()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            for (var i = _inFlight.Count - 1; i >= 0; i--)
            {
                var flight = _inFlight[i];
                var age = Stopwatch.GetElapsedTime(flight.CreatedAt, now);
                if (!flight.Running && age >= _options.StartDelay)
                {
                    _inFlight[i] = flight with { Running = true };
                    SetPhase(flight.Key, "Running", null);
                }
                else if (age >= _options.MigrationTime)
                {
                    _inFlight.RemoveAt(i);
                    Succeed(flight.Key);
                    Completed++;
                    var completedAt = Stopwatch.GetTimestamp();
                    Refills.Completed(completedAt);
                    PassRefills?.Completed(NameOf(flight.Key), completedAt);
                }
            }

            _churnDue += Stopwatch.GetElapsedTime(_lastTick, now).TotalSeconds * _options.ChurnPerSecond;
            _lastTick = now;
            for (; _churnDue >= 1; _churnDue--)
            {
                Churn();
            }
        }
    }

    private void Churn()
    {
        var key = _churnKeys[_random.Next(_churnKeys.Count)];
        var vmi = Clone(_vmis[key]);
        vmi.Metadata.Annotations = new(vmi.Metadata.Annotations ?? [], StringComparer.Ordinal) { ["bench/heartbeat"] = (++ChurnChanges).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Store(key, vmi);
    }

    private void SetPhase(string key, string phase, VirtualMachineInstanceMigrationState? state)
    {
        var vmim = Clone(_vmims[key]);
        vmim.Status = new VirtualMachineInstanceMigrationStatus
        {
            Phase = phase,
            MigrationState = state,
            PhaseTransitionTimestamps = [.. vmim.Status?.PhaseTransitionTimestamps ?? [], new MigrationPhaseTransitionTimestamp
            {
                Phase = phase, PhaseTransitionTimestamp = _time.GetUtcNow(),
            }],
        };
        _vmims[key] = vmim;
        _sink.Upsert(vmim);
    }

    private void Succeed(string key)
    {
        var vmim = _vmims[key];
        var vmiKey = InformerKeys.Of(vmim.Metadata.Namespace, vmim.Spec.VmiName ?? "");
        var vmi = Clone(_vmis[vmiKey]);
        var target = vmim.Spec.AddedNodeSelector?.GetValueOrDefault("kubernetes.io/hostname") ?? vmi.Status!.NodeName;
        var now = _time.GetUtcNow();
        var state = new VirtualMachineInstanceMigrationState
        {
            MigrationUid = vmim.Metadata.Uid,
            SourceNode = vmi.Status!.NodeName,
            TargetNode = target,
            StartTimestamp = vmim.Metadata.CreationTimestamp,
            EndTimestamp = now,
            Completed = true,
            Failed = false,
            Mode = "PreCopy",
        };
        vmi.Status.NodeName = target;
        vmi.Status.MigrationState = state;
        Store(vmiKey, vmi);
        SetPhase(key, "Succeeded", state);
    }

    private void Store(string key, VirtualMachineInstance vmi)
    {
        _vmis[key] = vmi;
        _sink.Upsert(vmi);
    }

    private static T Clone<T>(T value)
        where T : KubernetesObject
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), KubernetesJsonContext.Default);
        return (T)JsonSerializer.Deserialize(bytes, typeof(T), KubernetesJsonContext.Default)!;
    }

    private static string NameOf(string key) => key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private sealed record InFlight(string Key, long CreatedAt, bool Running);
}
