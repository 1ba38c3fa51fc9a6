using DrainOrchestrator.Application.Requests;

using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>A schedule given on its own (cron, time zone, window, freezes), to list its next windows.</summary>
public sealed record ScheduleQuery(string Cron, string TimeZone, TimeSpan Duration, IReadOnlyList<string> Exclusions)
{
    /// <summary>The field the caller gave the window's length in (a request's window says <c>durationSeconds</c>), named in its problems.</summary>
    public string DurationField { get; init; } = "duration";

    /// <summary>The schedule, or every problem with the query at once (in the terms of <paramref name="door"/>'s user).</summary>
    public ScheduleDefinition ToSchedule(FrontDoor door)
    {
        var problems = new List<RequestProblem>();
        var (expression, cronProblem) = ScheduleText.TryCron(Cron);
        if (cronProblem is not null)
        {
            problems.Add(new("cron", $"{Name("cron", door)} {cronProblem}"));
        }

        var (zone, zoneProblem) = ScheduleText.TryZone(TimeZone);
        if (zoneProblem is not null)
        {
            problems.Add(new("timeZone", $"{Name("timeZone", door)}: {zoneProblem}"));
        }

        if (Duration <= TimeSpan.Zero)
        {
            problems.Add(new(DurationField, $"{Name(DurationField, door)} must be more than zero"));
        }
        else if (Duration > ScheduleDefinition.MaxDuration)
        {
            problems.Add(new(DurationField, $"{Name(DurationField, door)} must be at most {ScheduleDefinition.MaxDuration.TotalDays} days (a window of a month), " +
                $"was {Duration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s"));
        }

        var freezes = new List<DateRange>();
        foreach (var text in Exclusions)
        {
            var parts = text.Split("..");
            if (parts.Length is 1 or 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", out var from) && DateOnly.TryParseExact(parts[^1], "yyyy-MM-dd", out var to) && from <= to)
            {
                freezes.Add(new DateRange(from, to));
            }
            else
            {
                problems.Add(new("exclusions", $"{Name("exclusions", door)} must be a date (2026-12-24) or a range (2026-12-20..2027-01-03), was '{text}'"));
            }
        }

        return problems.Count > 0 ? throw new InvalidRequestException(problems)
            : new ScheduleDefinition(Cron, expression!, zone!, Duration, freezes, MisfirePolicy.Default);
    }

    private static string Name(string field, FrontDoor door) => door == FrontDoor.CommandLine
        ? field switch { "timeZone" => "--time-zone", "exclusions" => "--exclude", _ => "--" + field }
        : field;
}
