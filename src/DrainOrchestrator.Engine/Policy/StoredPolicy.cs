using System.Text.Json;
using System.Text.Json.Serialization;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>The drain policy as stored in <c>drains.policy</c>: plain fields, durations in seconds.</summary>
public sealed record StoredPolicy
{
    public int MaxParallelMigrations { get; init; } = DrainPolicyDefaults.MaxParallelMigrations;
    public int MaxOutboundPerNode { get; init; } = DrainPolicyDefaults.MaxOutboundPerNode;
    public int MaxInboundPerNode { get; init; } = DrainPolicyDefaults.MaxInboundPerNode;
    public bool AllowAboveClusterLimits { get; init; }
    public string WaveMode { get; init; } = nameof(Core.Policy.WaveMode.Rolling);
    public string NonMigratable { get; init; } = nameof(NonMigratableAction.Block);
    public bool UncordonOnFailure { get; init; } = DrainPolicyDefaults.UncordonOnFailure;
    public int MaxAttempts { get; init; } = 3;
    public double InitialBackoffSeconds { get; init; } = 20;
    public double MaxBackoffSeconds { get; init; } = 300;
    public bool PostCopyFallback { get; init; } = true;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The Core policy these values describe.</summary>
    public DrainPolicy ToPolicy() => new()
    {
        MaxParallelMigrations = MaxParallelMigrations,
        MaxOutboundPerNode = MaxOutboundPerNode,
        MaxInboundPerNode = MaxInboundPerNode,
        AllowAboveClusterLimits = AllowAboveClusterLimits,
        WaveMode = Enum.TryParse<WaveMode>(WaveMode, ignoreCase: true, out var w) ? w : (WaveMode)(-1),
        NonMigratableAction = Enum.TryParse<NonMigratableAction>(NonMigratable, ignoreCase: true, out var n) ? n : (NonMigratableAction)(-1),
        UncordonOnFailure = UncordonOnFailure,
        Failure = new FailurePolicy
        {
            MaxAttempts = MaxAttempts,
            InitialBackoff = TimeSpan.FromSeconds(InitialBackoffSeconds),
            MaxBackoff = TimeSpan.FromSeconds(MaxBackoffSeconds),
            PostCopyFallback = PostCopyFallback,
        },
    };

    /// <summary>The JSON stored with the drain.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the stored JSON; unknown fields are ignored, missing ones take their defaults.</summary>
    public static StoredPolicy FromJson(string json) => JsonSerializer.Deserialize<StoredPolicy>(json, Json) ?? new StoredPolicy();
}
