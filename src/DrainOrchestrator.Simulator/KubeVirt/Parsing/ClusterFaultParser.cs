using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Parsing;

/// <summary>
/// Reads a cluster fault posted to the admin API, in the shape of a scenario file's <c>faults</c> entries (without
/// <c>at</c>: it happens now): <c>{"kind":"migrationNetworkLoss","node":"worker-2","duration":"20s"}</c>. Every problem
/// is reported, prefixed with where it is.
/// </summary>
internal static class ClusterFaultParser
{
    public static readonly IReadOnlyList<string> Kinds =
        ["targetPodStartFailure", "migrationNetworkLoss", "nodeNotReady", "nodeReboot", "vmiDeletion", "dirtyRateChange", "vmimGarbageCollection"];

    private static readonly string[] Fields =
        ["kind", "node", "count", "duration", "kubeletVersion", "namespace", "name", "whileMigrating", "dirtyRate"];

    public static FaultSpec? Parse(JsonObject item, string where, List<string> problems)
    {
        var before = problems.Count;
        foreach (var (key, _) in item.Where(p => !Fields.Contains(p.Key, StringComparer.Ordinal)))
        {
            problems.Add($"{where}: unknown field \"{key}\" (fields: {string.Join(", ", Fields)})");
        }

        var kind = Text(item, "kind", where, problems, required: true);
        FaultSpec? fault = kind switch
        {
            null => null,
            "targetPodStartFailure" => new TargetPodStartFailureFault(Text(item, "node", where, problems), Count(item, where, problems)),
            "migrationNetworkLoss" => NodeFault(item, where, problems, (n, d) => new MigrationNetworkLossFault(n, d)),
            "nodeNotReady" => NodeFault(item, where, problems, (n, d) => new NodeNotReadyFault(n, d)),
            "nodeReboot" => NodeFault(item, where, problems, (n, d) => new NodeRebootFault(n, d, Text(item, "kubeletVersion", where, problems))),
            "vmiDeletion" => VmFault(item, where, problems, (ns, name) => new VmiDeletionFault(ns, name, Bool(item, "whileMigrating", where, problems))),
            "dirtyRateChange" => VmFault(item, where, problems, (ns, name) =>
                Rate(item, where, problems) is { } rate ? new DirtyRateChangeFault(ns, name, rate) : null),
            "vmimGarbageCollection" => new FinishedVmimCollectionFault(),
            _ => Problem(problems, $"{where}: kind must be one of {string.Join(", ", Kinds)}, was \"{kind}\""),
        };
        return problems.Count == before ? fault : null;
    }

    private static FaultSpec? NodeFault(JsonObject item, string where, List<string> problems, Func<string, TimeSpan, FaultSpec> create)
    {
        var node = Text(item, "node", where, problems, required: true);
        var text = Text(item, "duration", where, problems, required: true);
        var duration = TimeSpan.Zero;
        if (text is not null && (!Quantities.TryParseDuration(text, TimeSpan.FromSeconds(1), out duration) || duration <= TimeSpan.Zero))
        {
            return Problem(problems, $"{where}: duration must be a positive duration such as 30s or 2m, was \"{text}\"");
        }

        return node is null || text is null ? null : create(node, duration);
    }

    private static FaultSpec? VmFault(JsonObject item, string where, List<string> problems, Func<string, string, FaultSpec?> create)
    {
        var ns = Text(item, "namespace", where, problems, required: true);
        var name = Text(item, "name", where, problems, required: true);
        return ns is null || name is null ? null : create(ns, name);
    }

    private static int Count(JsonObject item, string where, List<string> problems)
    {
        if (item["count"] is null)
        {
            return 1;
        }

        if (item["count"] is JsonValue v && v.TryGetValue<int>(out var count) && count >= 1)
        {
            return count;
        }

        problems.Add($"{where}: count must be an integer of at least 1, was {item["count"]!.ToJsonString()}");
        return 1;
    }

    private static double? Rate(JsonObject item, string where, List<string> problems)
    {
        var node = item["dirtyRate"];
        if (node is JsonValue v && v.TryGetValue<double>(out var number) && number >= 0)
        {
            return number;
        }

        var text = node is JsonValue s && s.TryGetValue<string>(out var t) ? t : null;
        if (text is not null && Quantities.TryParseBandwidth(text, out var rate) && rate >= 0)
        {
            return rate;
        }

        problems.Add(node is null
            ? $"{where}: a dirtyRateChange fault needs \"dirtyRate\" (bytes per second, e.g. \"200Mi\")"
            : $"{where}: dirtyRate must be a non-negative rate such as \"200Mi\" or \"1Gbit\", was {node.ToJsonString()}");
        return null;
    }

    private static bool Bool(JsonObject item, string field, string where, List<string> problems)
    {
        if (item[field] is null)
        {
            return false;
        }

        if (item[field] is JsonValue v && v.TryGetValue<bool>(out var value))
        {
            return value;
        }

        problems.Add($"{where}: {field} must be true or false");
        return false;
    }

    private static string? Text(JsonObject item, string field, string where, List<string> problems, bool required = false)
    {
        var node = item[field];
        if (node is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }

        if (node is not null || required)
        {
            var kind = item["kind"] is JsonValue k && k.TryGetValue<string>(out var name) ? name : "a";
            problems.Add(node is null
                ? $"{where}: {kind} fault needs \"{field}\""
                : string.Create(CultureInfo.InvariantCulture, $"{where}: {field} must be a non-empty string"));
        }

        return null;
    }

    private static FaultSpec? Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return null;
    }
}
