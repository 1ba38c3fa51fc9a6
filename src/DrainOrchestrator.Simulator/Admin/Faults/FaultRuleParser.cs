using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Admin.Faults;

/// <summary>
/// Reads fault rules from the command line (<c>RESOURCE[/SUBRESOURCE][/VERB]:key=value,…</c> with keys error-rate,
/// throttle-rate, retry-after, delay, drop-watch-after, forbid, ambiguous-rate, ambiguous-answer) and from the admin API's JSON. Every problem is reported, not the first.
/// </summary>
public static class FaultRuleParser
{
    /// <summary>Parses the command-line form; problems are added to <paramref name="problems"/>.</summary>
    public static FaultRule? ParseText(string text, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var target = colon < 0 ? text : text[..colon];
        // RESOURCE, RESOURCE/VERB, RESOURCE/status or RESOURCE/status/VERB.
        var slash = target.LastIndexOf('/');
        var last = slash < 0 ? null : target[(slash + 1)..];
        var isVerb = last is not null && (last != "status" || target.Count(c => c == '/') > 1);
        var rule = new FaultRule
        {
            Resource = isVerb ? target[..slash] : target,
            Verb = isVerb ? last! : FaultRule.Any,
        };
        var settings = colon < 0 ? [] : text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var before = problems.Count;
        foreach (var setting in settings)
        {
            var parts = setting.Split('=', 2);
            rule = Set(rule, parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : "", problems, $"fault \"{text}\"");
        }

        problems.AddRange(rule.Validate().Select(p => $"fault \"{text}\": {p}"));
        return problems.Count == before ? rule : null;
    }

    /// <summary>Parses one rule of the admin API's JSON; problems are added to <paramref name="problems"/>.</summary>
    public static FaultRule? ParseJson(JsonObject json, List<string> problems, string where)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        var rule = new FaultRule();
        var before = problems.Count;
        foreach (var (key, value) in json)
        {
            var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";
            rule = Set(rule, key, text, problems, where);
        }

        problems.AddRange(rule.Validate().Select(p => $"{where}: {p}"));
        return problems.Count == before ? rule : null;
    }

    private static FaultRule Set(FaultRule rule, string key, string value, List<string> problems, string where)
    {
        switch (key)
        {
            case "resource":
                return rule with { Resource = value };
            case "verb":
                return rule with { Verb = value };
            case "error-rate" or "errorRate":
                return rule with { ErrorRate = Rate(value, key, problems, where) };
            case "throttle-rate" or "throttleRate":
                return rule with { ThrottleRate = Rate(value, key, problems, where) };
            case "retry-after" or "retryAfter":
                return rule with { RetryAfter = Duration(value, key, problems, where) };
            case "delay":
                return rule with { Delay = Duration(value, key, problems, where) };
            case "drop-watch-after" or "dropWatchAfter":
                return rule with { DropWatchAfter = Duration(value, key, problems, where) };
            case "forbid":
                return rule with { Forbid = Flag(value, key, problems, where) };
            case "ambiguous-rate" or "ambiguousRate":
                return rule with { AmbiguousRate = Rate(value, key, problems, where) };
            case "ambiguous-answer" or "ambiguousAnswer":
                return rule with { AmbiguousAnswer = Answer(value, key, problems, where) };
            default:
                problems.Add($"{where}: unknown setting \"{key}\" (known: resource, verb, errorRate, throttleRate, retryAfter, delay, dropWatchAfter, forbid, ambiguousRate, ambiguousAnswer)");
                return rule;
        }
    }

    private static bool Flag(string value, string key, List<string> problems, string where)
    {
        if (value.Length == 0 || bool.TryParse(value, out var flag) && flag)
        {
            return true;
        }

        if (bool.TryParse(value, out _))
        {
            return false;
        }

        problems.Add($"{where}: {key} must be true or false, was \"{value}\"");
        return false;
    }

    private static AmbiguousAnswer Answer(string value, string key, List<string> problems, string where)
    {
        switch (value)
        {
            case "error":
                return AmbiguousAnswer.Error;
            case "reset":
                return AmbiguousAnswer.Reset;
            default:
                problems.Add($"{where}: {key} must be error (a 500 after the write) or reset (the connection dropped after it), was \"{value}\"");
                return AmbiguousAnswer.Error;
        }
    }

    private static double Rate(string value, string key, List<string> problems, string where)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
        {
            return rate;
        }

        problems.Add($"{where}: {key} must be a number between 0 and 1, was \"{value}\"");
        return 0;
    }

    private static TimeSpan Duration(string value, string key, List<string> problems, string where)
    {
        if (Durations.TryParse(value, out var duration))
        {
            return duration;
        }

        problems.Add($"{where}: {key} must be a duration such as 500ms, 2s or 1m, was \"{value}\"");
        return TimeSpan.Zero;
    }
}
