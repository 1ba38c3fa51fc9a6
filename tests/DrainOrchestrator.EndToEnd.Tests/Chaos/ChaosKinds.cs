namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// The fault kinds of the campaign, as results and <c>scripts/chaos.sh --kinds</c> name them; each test carries its
/// kind as the trait <see cref="Trait"/>.
/// </summary>
internal static class ChaosKinds
{
    public const string Trait = "ChaosKind";
    public const string EngineKill = "engine-kill";
    public const string PostgresRestart = "postgres-restart";
    public const string ApiErrors = "api-errors";
    public const string NetworkLossPreCopy = "network-loss-precopy";
    public const string NetworkLossPostCopy = "network-loss-postcopy";
    public const string TwoEngines = "two-engines";
    public const string PausedOwner = "paused-owner";
    public const string AmbiguousCreate = "ambiguous-create";
    public const string ApiPartition = "api-partition";
    public const string ConcurrentDrains = "concurrent-drains";
    public const string ClockOffset = "clock-offset";
    public const string MidDrainChanges = "mid-drain-changes";

    /// <summary>The scenario of every kind but post-copy loss: 16 small VMs on src-1 and src-2, three spares.</summary>
    public const string DrainScenario = "chaos-drain.yaml";

    /// <summary>The post-copy scenario: 12 small VMs and a hot database that needs post-copy.</summary>
    public const string PostCopyScenario = "chaos-postcopy.yaml";
}
