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
        Count(nameof(DrainPolicy.MaxParallelMigrations), "maxParallel", "Most migrations in flight in the cluster, counting everyone's.",
            p => p.MaxParallelMigrations, (p, v) => p with { MaxParallelMigrations = v }),
        Count(nameof(DrainPolicy.MaxOutboundPerNode), "maxOutbound", "Most migrations out of one node.",
            p => p.MaxOutboundPerNode, (p, v) => p with { MaxOutboundPerNode = v }),
        Count(nameof(DrainPolicy.MaxInboundPerNode), "maxInbound", "Most migrations into one node.",
            p => p.MaxInboundPerNode, (p, v) => p with { MaxInboundPerNode = v }),
        Choice<WaveMode>(nameof(DrainPolicy.WaveMode), "waveMode", "rolling (a freed slot takes the next migration at once) or barrier (wave by wave).",
            p => p.WaveMode, (p, v) => p with { WaveMode = v }),
        Choice<NonMigratableAction>(nameof(DrainPolicy.NonMigratableAction), "nonMigratable",
            "What to do with a VM that cannot live-migrate: block (refuse the drain), skip (leave it and report it) or shutdown "
            + "(opt-in: stop it so that its run strategy, which must be Always, starts it on another node).",
            p => p.NonMigratableAction, (p, v) => p with { NonMigratableAction = v }),
        Choice<MigrationNetworkPolicy>(nameof(DrainPolicy.MigrationNetwork), "migrationNetwork",
            "When the KubeVirt CR configures a dedicated migration network: warn (record and report migrations that used the pod network), "
            + "fail (fail the drain at the first one, naming its node and the fix) or off (do not check).",
            p => p.MigrationNetwork, (p, v) => p with { MigrationNetwork = v }) with { OptionName = "--migration-network-policy" },
        Count("Failure.MaxAttempts", "maxAttempts", "Most attempts per VM.",
            p => p.Failure.MaxAttempts, (p, v) => p with { Failure = p.Failure with { MaxAttempts = v } }),
        Seconds("Failure.InitialBackoff", "retryBackoffSeconds", "Wait after the first failure of a VM (doubles per failure).",
            p => p.Failure.InitialBackoff, (p, v) => p with { Failure = p.Failure with { InitialBackoff = v } }),
        Seconds("Failure.MaxBackoff", "maxBackoffSeconds", "Longest wait between attempts (default: 300, or the first wait when that is longer).",
            p => p.Failure.MaxBackoff, (p, v) => p with { Failure = p.Failure with { MaxBackoff = v } }),
        Switch("Failure.PostCopyFallback", "noPostCopyFallback", "Never retry a non-converging VM with post-copy.",
            p => !p.Failure.PostCopyFallback, (p, v) => p with { Failure = p.Failure with { PostCopyFallback = !v } }),
        Switch(nameof(DrainPolicy.UncordonOnFailure), "keepCordonedOnFailure", "Do not uncordon when the drain fails or is cancelled.",
            p => !p.UncordonOnFailure, (p, v) => p with { UncordonOnFailure = !v }),
        Switch(nameof(DrainPolicy.RequireInterop), "requireInterop",
            "Fail the drain before any VM moves when the cluster refuses the maintenance Lease (medik8s) or the node lifecycle conditions "
            + "(a missing permission, namespace or feature gate), instead of going on without them.",
            p => p.RequireInterop, (p, v) => p with { RequireInterop = v }),
        Switch(nameof(DrainPolicy.AllowAboveClusterLimits), "allowAboveClusterLimits", "Allow limits above the KubeVirt CR's.",
            p => p.AllowAboveClusterLimits, (p, v) => p with { AllowAboveClusterLimits = v }),
        Seconds("Window.Margin", "windowMarginSeconds",
            "In a maintenance window, a migration starts only when it is predicted (pessimistically) to end this long before the window's end.",
            p => p.Window.Margin, (p, v) => p with { Window = p.Window with { Margin = v } }),
        Choice<WindowEndAction>("Window.AtEnd", "atWindowEnd",
            "At a maintenance window's end, the migrations in flight finish (then the drain suspends) or are aborted (tried again in the next window).",
            p => p.Window.AtEnd, (p, v) => p with { Window = p.Window with { AtEnd = v } }),
        Switch("Window.UncordonWhileSuspended", "uncordonWhileSuspended",
            "Uncordon the nodes while the drain waits for its next window (they are cordoned again when it resumes).",
            p => p.Window.UncordonWhileSuspended, (p, v) => p with { Window = p.Window with { UncordonWhileSuspended = v } }),
        TargetStartupField.Field,
        new(nameof(DrainPolicy.Budgets), "budgets", PolicyValueKind.Budgets, [],
            "Application budgets: at most K VMs of a label selector migrating (or unavailable) at once, counting everyone's migrations; "
            + "on the command line NAME=SELECTOR:max=K or NAME=SELECTOR:unavailable=K, repeatable (see docs/budgets.md).",
            p => BudgetsJson.Write(p.Budgets), (p, e) => BudgetsJson.Read(e) is var (budgets, problem) && problem is null
                ? (p with { Budgets = budgets }, null)
                : (p, problem)),
    ];

    private static readonly Dictionary<string, PolicyField> ByPath = All.ToDictionary(f => f.Path, StringComparer.Ordinal);
    private static readonly Dictionary<string, PolicyField> ByWire = All.ToDictionary(f => f.Wire, StringComparer.Ordinal);

    /// <summary>The field at a Core path; null for a path no front door sets.</summary>
    public static PolicyField? FindByPath(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The field with a wire name; null when there is none (names are case-sensitive).</summary>
    public static PolicyField? FindByWire(string wire) => ByWire.GetValueOrDefault(wire);

    // What the user wrote: text in single quotes, anything else as JSON.
    private static string Quoted(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();

    private static PolicyField Count(string path, string wire, string description, Func<DrainPolicy, int> get,
        Func<DrainPolicy, int, DrainPolicy> set) =>
        new(path, wire, PolicyValueKind.Count, [], description, p => JsonValue.Create(get(p)), (p, e) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? (set(p, v), null) : (p, $"must be an integer, was {Quoted(e)}"));

    private static PolicyField Seconds(string path, string wire, string description, Func<DrainPolicy, TimeSpan> get,
        Func<DrainPolicy, TimeSpan, DrainPolicy> set) =>
        new(path, wire, PolicyValueKind.Seconds, [], description, p => JsonValue.Create(get(p).TotalSeconds), (p, e) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v) && Math.Abs(v) <= TimeSpan.MaxValue.TotalSeconds / 2
                ? (set(p, TimeSpan.FromSeconds(v)), null)
                : (p, $"must be a finite number of seconds, was {Quoted(e)}"));

    private static PolicyField Switch(string path, string wire, string description, Func<DrainPolicy, bool> get,
        Func<DrainPolicy, bool, DrainPolicy> set) =>
        new(path, wire, PolicyValueKind.Switch, [], description, p => JsonValue.Create(get(p)), (p, e) =>
            e.ValueKind is JsonValueKind.True or JsonValueKind.False ? (set(p, e.GetBoolean()), null) : (p, $"must be true or false, was {Quoted(e)}"));

    private static PolicyField Choice<T>(string path, string wire, string description, Func<DrainPolicy, T> get,
        Func<DrainPolicy, T, DrainPolicy> set)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        return new(path, wire, PolicyValueKind.Choice, names, description, p => Enum.IsDefined(get(p)) ? JsonValue.Create(get(p).ToString().ToLowerInvariant()) : JsonValue.Create(Convert.ToInt32(get(p), CultureInfo.InvariantCulture)), (p, e) =>
            e.ValueKind == JsonValueKind.String && names.Contains(e.GetString(), StringComparer.Ordinal)
                ? (set(p, Enum.Parse<T>(e.GetString()!, ignoreCase: true)), null)
                : (p, $"must be {string.Join(" or ", names)}, was {Quoted(e)}"));
    }
}
