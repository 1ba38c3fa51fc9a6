using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// What really happened in the simulated cluster, computed from the change stream alone (not from the controller's
/// own counters), so tests and benchmarks can judge the orchestrator and the model itself.
/// </summary>
public sealed record GroundTruthReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The seed of the run.</summary>
    public required int Seed { get; init; }

    /// <summary>Model time when the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Model time when this report was taken.</summary>
    public required DateTimeOffset TakenAt { get; init; }

    /// <summary>Every migration, in creation order.</summary>
    public required IReadOnlyList<MigrationTruth> Migrations { get; init; }

    /// <summary>The most migrations in flight (Scheduling or later, unfinished) at once, cluster-wide.</summary>
    public required int PeakInFlight { get; init; }

    /// <summary>The most migrations in flight at once per source node, by node name.</summary>
    public required IReadOnlyDictionary<string, int> PeakInFlightPerSourceNode { get; init; }

    /// <summary>Every moment a KubeVirt limit was exceeded.</summary>
    public required IReadOnlyList<LimitViolation> LimitViolations { get; init; }

    /// <summary>Every VMIM created while another one of the same VMI was unfinished (a VMI migrated twice).</summary>
    public IReadOnlyList<DuplicateMigration> DuplicateMigrations { get; init; } = [];

    /// <summary>Every guest lost.</summary>
    public required IReadOnlyList<VmiLoss> VmiLosses { get; init; }

    /// <summary>
    /// Every node upgrade by the upgrader, in the order the nodes were marked, as last seen: from and to
    /// version, when it started, its NotReady window, when it finished, the starts it refused and the guests it lost.
    /// </summary>
    public IReadOnlyList<NodeUpgradeSnapshot> Upgrades { get; init; } = [];

    /// <summary>
    /// Every virt-launcher pod seen on a node while it was down for an upgrade's reboot, by the observer's own count of
    /// bound pods. Empty when no VM was on a node while it rebooted.
    /// </summary>
    public IReadOnlyList<GuestOnRebootingNode> GuestsOnRebootingNodes { get; init; } = [];

    /// <summary>
    /// Every VirtualMachine as it is now (namespace, run strategy, its VMI's phase and node), so a test can check that a
    /// moved VM runs exactly once, in its target namespace.
    /// </summary>
    public IReadOnlyList<VmTruth> VirtualMachines { get; init; } = [];

    /// <summary>Succeeded migrations.</summary>
    public int Succeeded => Migrations.Count(m => m.Outcome == MigrationOutcome.Succeeded);

    /// <summary>Failed or aborted migrations.</summary>
    public int Failed => Migrations.Count(m => m.Outcome is MigrationOutcome.Failed or MigrationOutcome.Aborted);

    /// <summary>The report as indented JSON (camelCase, enums as strings).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>One of the report's records (an upgrade, a migration), or a list of them, as JSON of the same shape.</summary>
    public static JsonNode? ToJsonNode<T>(T record) => JsonSerializer.SerializeToNode(record, JsonOptions);
}
