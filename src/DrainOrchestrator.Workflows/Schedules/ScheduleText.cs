using Cronos;

namespace DrainOrchestrator.Workflows.Schedules;

/// <summary>The text forms of a schedule's parts: cron expressions and IANA time zones, each with why it is refused.</summary>
public static class ScheduleText
{
    /// <summary>The expression, or why it is not one.</summary>
    public static (CronExpression? Expression, string? Problem) TryCron(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            return (null, $"must be a cron expression of 5 fields (minute hour day month weekday) or 6 with seconds first, was '{text}' ({fields} fields)");
        }

        try
        {
            return (CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard), null);
        }
        catch (CronFormatException ex)
        {
            return (null, $"is not a valid cron expression '{text}': {ex.Message}");
        }
    }

    /// <summary>The zone, or why there is none of that name.</summary>
    public static (TimeZoneInfo? Zone, string? Problem) TryZone(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "a time zone is required: an IANA name such as Europe/Berlin, America/New_York or UTC");
        }

        try
        {
            return (TimeZoneInfo.FindSystemTimeZoneById(name), null);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return (null, $"unknown time zone '{name}': use an IANA name such as Europe/Berlin, America/New_York or UTC");
        }
    }
}
