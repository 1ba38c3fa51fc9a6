using System.Globalization;
using Cronos;
using DrainOrchestrator.Workflows.Schedules;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>A workflow's <c>schedule</c>: cron, IANA time zone, window duration, freezes and the misfire policy.</summary>
internal static class ScheduleParser
{
    public static ScheduleDefinition? Read(YamlScope scope, YamlNode node)
    {
        var fields = scope.Fields(node, "schedule", "cron", "timeZone", "duration", "exclusions", "misfire");
        var cron = scope.Required(fields, node, "schedule", "cron");
        var expression = cron is null ? null : Cron(scope, fields["cron"], cron);
        var zoneName = scope.Required(fields, node, "schedule", "timeZone");
        var zone = zoneName is null ? null : Zone(scope, fields["timeZone"], zoneName);
        var duration = fields.TryGetValue("duration", out var d) ? scope.Duration(d, "schedule.duration")
            : Required<TimeSpan?>(scope, node, "schedule.duration");
        if (duration > ScheduleDefinition.MaxDuration)
        {
            scope.Problem(d!, "schedule.duration", $"must be at most {DurationText.Format(ScheduleDefinition.MaxDuration)} (a window of a month), was '{DurationText.Format(duration.Value)}'");
            duration = null;
        }

        var exclusions = fields.TryGetValue("exclusions", out var x) ? Exclusions(scope, x) : [];
        var misfire = fields.TryGetValue("misfire", out var m) ? Misfire(scope, m) : MisfirePolicy.Default;
        return expression is null || zone is null || duration is null || misfire is null ? null
            : new ScheduleDefinition(cron!, expression, zone, duration.Value, exclusions, misfire);
    }

    /// <summary>A cron expression: 5 fields, or 6 with seconds first.</summary>
    public static CronExpression? Cron(YamlScope scope, YamlNode node, string text)
    {
        var (expression, problem) = ScheduleText.TryCron(text);
        if (problem is not null)
        {
            scope.Problem(node, "schedule.cron", problem);
        }

        return expression;
    }

    /// <summary>An IANA time zone, e.g. Europe/Berlin.</summary>
    public static TimeZoneInfo? Zone(YamlScope scope, YamlNode node, string name)
    {
        var (zone, problem) = ScheduleText.TryZone(name);
        if (problem is not null)
        {
            scope.Problem(node, "schedule.timeZone", problem);
        }

        return zone;
    }

    private static List<DateRange> Exclusions(YamlScope scope, YamlNode node)
    {
        var result = new List<DateRange>();
        if (node is not YamlSequenceNode list)
        {
            scope.Problem(node, "schedule.exclusions", "must be a list of dates (2026-12-24) or ranges (2026-12-20..2027-01-03)");
            return result;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"schedule.exclusions[{i}]";
            var text = scope.Text(list.Children[i], path);
            var parts = text?.Split("..") ?? [];
            if (parts.Length is 1 or 2 && Date(parts[0]) is { } from && Date(parts[^1]) is { } to && from <= to)
            {
                result.Add(new DateRange(from, to));
            }
            else if (text is not null)
            {
                scope.Problem(list.Children[i], path, $"must be a date (2026-12-24) or a range (2026-12-20..2027-01-03), was '{text}'");
            }
        }

        return result;
    }

    private static MisfirePolicy? Misfire(YamlScope scope, YamlNode node)
    {
        var fields = scope.Fields(node, "schedule.misfire", "policy", "grace");
        var action = fields.TryGetValue("policy", out var p) ? scope.Choice<MisfireAction>(p, "schedule.misfire.policy") : MisfireAction.FireLate;
        var grace = fields.TryGetValue("grace", out var g) ? scope.Duration(g, "schedule.misfire.grace", allowZero: true) : MisfirePolicy.Default.Grace;
        return action is { } a && grace is { } t ? new MisfirePolicy(a, t) : null;
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static T? Required<T>(YamlScope scope, YamlNode node, string path)
    {
        scope.Problem(node, path, $"'{path.Split('.')[^1]}' is required");
        return default;
    }
}
