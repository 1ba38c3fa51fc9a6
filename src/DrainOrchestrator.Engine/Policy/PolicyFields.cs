using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>
/// The drain policy's user-settable fields, once: the API's JSON, the stored document and drainctl's options are all
/// named from this table, so a problem found anywhere can be told in the terms of the front door that was used.
/// </summary>
public static class PolicyFields
{
    /// <summary>Every field, in the order the documents list them.</summary>
    public static IReadOnlyList<PolicyField> All { get; } =
    [
        Count(nameof(DrainPolicy.MaxParallelMigrations), "maxParallel", p => p.MaxParallelMigrations, (p, v) => p with { MaxParallelMigrations = v }),
        Count(nameof(DrainPolicy.MaxOutboundPerNode), "maxOutbound", p => p.MaxOutboundPerNode, (p, v) => p with { MaxOutboundPerNode = v }),
        Count(nameof(DrainPolicy.MaxInboundPerNode), "maxInbound", p => p.MaxInboundPerNode, (p, v) => p with { MaxInboundPerNode = v }),
        Choice<WaveMode>(nameof(DrainPolicy.WaveMode), "waveMode", p => p.WaveMode, (p, v) => p with { WaveMode = v }),
        Choice<NonMigratableAction>(nameof(DrainPolicy.NonMigratableAction), "nonMigratable", p => p.NonMigratableAction,
            (p, v) => p with { NonMigratableAction = v }),
        Count("Failure.MaxAttempts", "maxAttempts", p => p.Failure.MaxAttempts, (p, v) => p with { Failure = p.Failure with { MaxAttempts = v } }),
        Seconds("Failure.InitialBackoff", "retryBackoffSeconds", p => p.Failure.InitialBackoff,
            (p, v) => p with { Failure = p.Failure with { InitialBackoff = v } }),
        Seconds("Failure.MaxBackoff", "maxBackoffSeconds", p => p.Failure.MaxBackoff, (p, v) => p with { Failure = p.Failure with { MaxBackoff = v } }),
        Switch("Failure.PostCopyFallback", "noPostCopyFallback", p => !p.Failure.PostCopyFallback,
            (p, v) => p with { Failure = p.Failure with { PostCopyFallback = !v } }),
        Switch(nameof(DrainPolicy.UncordonOnFailure), "keepCordonedOnFailure", p => !p.UncordonOnFailure, (p, v) => p with { UncordonOnFailure = !v }),
        Switch(nameof(DrainPolicy.AllowAboveClusterLimits), "allowAboveClusterLimits", p => p.AllowAboveClusterLimits,
            (p, v) => p with { AllowAboveClusterLimits = v }),
    ];

    private static readonly Dictionary<string, PolicyField> ByPath = All.ToDictionary(f => f.Path, StringComparer.Ordinal);
    private static readonly Dictionary<string, PolicyField> ByWire = All.ToDictionary(f => f.Wire, StringComparer.Ordinal);

    /// <summary>The field at a Core path; null for a path no front door sets.</summary>
    public static PolicyField? FindByPath(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The field with a wire name; null when there is none (names are case-sensitive).</summary>
    public static PolicyField? FindByWire(string wire) => ByWire.GetValueOrDefault(wire);

    private static PolicyField Count(string path, string wire, Func<DrainPolicy, int> get, Func<DrainPolicy, int, DrainPolicy> set) =>
        new(path, wire, "an integer", p => JsonValue.Create(get(p)), (p, e) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? (set(p, v), null) : (p, $"must be an integer, was {e.GetRawText()}"));

    private static PolicyField Seconds(string path, string wire, Func<DrainPolicy, TimeSpan> get, Func<DrainPolicy, TimeSpan, DrainPolicy> set) =>
        new(path, wire, "a number of seconds", p => JsonValue.Create(get(p).TotalSeconds), (p, e) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v) && Math.Abs(v) <= TimeSpan.MaxValue.TotalSeconds / 2
                ? (set(p, TimeSpan.FromSeconds(v)), null)
                : (p, $"must be a finite number of seconds, was {e.GetRawText()}"));

    private static PolicyField Switch(string path, string wire, Func<DrainPolicy, bool> get, Func<DrainPolicy, bool, DrainPolicy> set) =>
        new(path, wire, "true or false", p => JsonValue.Create(get(p)), (p, e) =>
            e.ValueKind is JsonValueKind.True or JsonValueKind.False ? (set(p, e.GetBoolean()), null) : (p, $"must be true or false, was {e.GetRawText()}"));

    private static PolicyField Choice<T>(string path, string wire, Func<DrainPolicy, T> get, Func<DrainPolicy, T, DrainPolicy> set)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        return new(path, wire, string.Join(" or ", names), p => Enum.IsDefined(get(p)) ? JsonValue.Create(get(p).ToString().ToLowerInvariant()) : JsonValue.Create(Convert.ToInt32(get(p), CultureInfo.InvariantCulture)), (p, e) =>
            e.ValueKind == JsonValueKind.String && names.Contains(e.GetString(), StringComparer.Ordinal)
                ? (set(p, Enum.Parse<T>(e.GetString()!, ignoreCase: true)), null)
                : (p, $"must be {string.Join(" or ", names)}, was {e.GetRawText()}"));
    }
}
