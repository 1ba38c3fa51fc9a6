using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Parsing;

/// <summary>
/// Reads an upgrade request posted to <c>/sim/v1/upgrades</c>:
/// <c>{"node":"worker-1","targetVersion":"v1.33.2","trigger":"marked","fail":true,"returnAfter":"10m"}</c>; only
/// <c>node</c> is required when the scenario names a target version. Every problem is reported, prefixed with where it is.
/// </summary>
internal static class UpgradeRequestParser
{
    private static readonly string[] Fields = ["node", "targetVersion", "trigger", "fail", "returnAfter"];

    public static UpgradeRequest? Parse(JsonObject item, string where, UpgradeSettings settings, List<string> problems)
    {
        var before = problems.Count;
        foreach (var (key, _) in item.Where(p => !Fields.Contains(p.Key, StringComparer.Ordinal)))
        {
            problems.Add($"{where}: unknown field \"{key}\" (fields: {string.Join(", ", Fields)})");
        }

        var node = Text(item, "node", where, problems);
        if (node is null && item["node"] is null)
        {
            problems.Add($"{where}: \"node\" is required");
        }

        var target = Text(item, "targetVersion", where, problems) ?? settings.TargetVersion;
        if (target is null && item["targetVersion"] is null)
        {
            problems.Add($"{where}: \"targetVersion\" is required (the scenario's upgrade section names none)");
        }

        UpgradeTrigger? trigger = null;
        if (Text(item, "trigger", where, problems) is { } text)
        {
            trigger = Enum.TryParse<UpgradeTrigger>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _)
                ? parsed
                : Problem<UpgradeTrigger>(problems, $"{where}: trigger must be cordonedAndEmpty or marked, was \"{text}\"");
        }

        var fail = false;
        if (item["fail"] is { } failNode && !(failNode is JsonValue v && v.TryGetValue(out fail)))
        {
            problems.Add($"{where}: fail must be true or false");
        }

        TimeSpan? returnAfter = null;
        if (Text(item, "returnAfter", where, problems) is { } after)
        {
            returnAfter = Quantities.TryParseDuration(after, TimeSpan.FromSeconds(1), out var duration) && duration > TimeSpan.Zero
                ? duration
                : Problem<TimeSpan>(problems, $"{where}: returnAfter must be a positive duration such as 30s or 10m, was \"{after}\"");
            if (!fail)
            {
                problems.Add($"{where}: returnAfter needs \"fail\": true");
            }
        }

        return problems.Count == before
            ? new UpgradeRequest(node!, target!) { Trigger = trigger, Fail = fail, ReturnAfter = returnAfter }
            : null;
    }

    private static string? Text(JsonObject item, string field, string where, List<string> problems)
    {
        var node = item[field];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }

        problems.Add($"{where}: {field} must be a non-empty string");
        return null;
    }

    private static T? Problem<T>(List<string> problems, string problem)
        where T : struct
    {
        problems.Add(problem);
        return null;
    }
}
