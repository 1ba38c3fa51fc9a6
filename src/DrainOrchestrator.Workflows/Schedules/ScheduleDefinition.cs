using Cronos;

namespace DrainOrchestrator.Workflows.Schedules;

/// <summary>
/// When a workflow runs on its own: a cron expression (5 fields, or 6 with seconds first) in an IANA time zone, each
/// occurrence opening a window of <see cref="Duration"/>; days in <see cref="Exclusions"/> (change freezes) start none.
/// Daylight saving time follows Cronos: an occurrence whose local time does not exist (the hour skipped in spring)
/// fires at the moment the clocks jump, once; one whose local time exists twice (the hour repeated in autumn) fires
/// once, at its first instance, unless the expression repeats within the hour (e.g. every 15 minutes), which fires in
/// both instances.
/// </summary>
public sealed record ScheduleDefinition(
    string Cron, CronExpression Expression, TimeZoneInfo TimeZone, TimeSpan Duration, IReadOnlyList<DateRange> Exclusions, MisfirePolicy Misfire)
{
    /// <summary>The next <paramref name="count"/> occurrences that start after <paramref name="after"/>, freezes skipped.</summary>
    public IReadOnlyList<Occurrence> Next(DateTimeOffset after, int count)
    {
        var result = new List<Occurrence>(count);
        var from = after.UtcDateTime;
        // A freeze can swallow many occurrences in a row; the guard only stops an expression that has no next one.
        for (var guard = 0; result.Count < count && guard < count + 100_000; guard++)
        {
            var next = Expression.GetNextOccurrence(from, TimeZone);
            if (next is not { } utc)
            {
                break;
            }

            from = utc;
            var start = new DateTimeOffset(utc, TimeSpan.Zero);
            var local = TimeZoneInfo.ConvertTime(start, TimeZone);
            if (Exclusions.Any(x => x.Contains(DateOnly.FromDateTime(local.DateTime))))
            {
                continue;
            }

            var end = start + Duration;
            result.Add(new Occurrence(start, end, local, TimeZoneInfo.ConvertTime(end, TimeZone)));
        }

        return result;
    }

    /// <summary>The occurrence whose window contains <paramref name="at"/>, if any (the latest one that started at or before it).</summary>
    public Occurrence? Containing(DateTimeOffset at)
    {
        // An occurrence that contains 'at' started within one duration before it: walk those, latest wins.
        Occurrence? found = null;
        var from = at - Duration - TimeSpan.FromSeconds(1);
        while (Next(from, 1) is [var next] && next.Start <= at)
        {
            if (next.End > at)
            {
                found = next;
            }

            from = next.Start;
        }

        return found;
    }
}
