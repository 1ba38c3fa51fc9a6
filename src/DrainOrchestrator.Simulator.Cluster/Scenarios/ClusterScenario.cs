namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// A cluster to simulate: nodes, namespaces, VMs, the KubeVirt migration configuration, MigrationPolicies, timings and
/// faults. Load one with <see cref="ScenarioCatalog"/> or build one in code.
/// </summary>
public sealed record ClusterScenario
{
    /// <summary>The default start of a run's model time.</summary>
    public static readonly DateTimeOffset DefaultStartTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The scenario name.</summary>
    public required string Name { get; init; }

    /// <summary>Where it was loaded from (file or built-in name), for messages.</summary>
    public string? Source { get; init; }

    /// <summary>The seed when the caller gives none.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Model time at the start of the run.</summary>
    public DateTimeOffset StartTime { get; init; } = DefaultStartTime;

    /// <summary>The KubeVirt CR's <c>spec.configuration.migrations</c> at the start.</summary>
    public MigrationConfig MigrationConfig { get; init; } = MigrationConfig.Default;

    /// <summary>How long each step of a migration takes.</summary>
    public MigrationTimings Timings { get; init; } = new();

    /// <summary>
    /// Runs KubeVirt's evacuation controller: VMIs that evict by live migration leave a node tainted
    /// <c>kubevirt.io/drain:NoSchedule</c> through KubeVirt's own VMIMs (system-critical, annotated
    /// <c>kubevirt.io/evacuationMigration</c>). Off by default, so only clients create VMIMs.
    /// </summary>
    public bool EvacuationController { get; init; }

    /// <summary>Namespaces with labels (namespaces only named by VMs are created without labels).</summary>
    public IReadOnlyList<NamespaceDefinition> Namespaces { get; init; } = [];

    /// <summary>The nodes.</summary>
    public IReadOnlyList<NodeDefinition> Nodes { get; init; } = [];

    /// <summary>The virtual machines.</summary>
    public IReadOnlyList<VmDefinition> Vms { get; init; } = [];

    /// <summary>The MigrationPolicies at the start.</summary>
    public IReadOnlyList<MigrationPolicy> MigrationPolicies { get; init; } = [];

    /// <summary>The NetworkAttachmentDefinitions at the start (the migration network's among them, when configured).</summary>
    public IReadOnlyList<NetworkAttachment> NetworkAttachments { get; init; } = [];

    /// <summary>Faults injected at set times.</summary>
    public IReadOnlyList<ScheduledFault> Faults { get; init; } = [];

    /// <summary>The external node upgrader: which nodes it upgrades at the start, and its timings for every node marked later.</summary>
    public UpgradeSettings Upgrade { get; init; } = UpgradeSettings.None;

    /// <summary>
    /// Whether nodes and VMIs carry the <see cref="HintAnnotations"/> from the model's truth (each node's NIC bandwidth,
    /// each guest's current dirty rate), as an operator would set them for the engine. Off by default.
    /// </summary>
    public bool Hints { get; init; }
}
