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
    /// <summary>The longest window a schedule may open: a month (a longer one is a typo, and its arithmetic nears the calendar's end).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    /// <summary>
    /// The next <paramref name="count"/> occurrences that start after <paramref name="after"/>, freezes skipped; fewer
    /// when the calendar ends first.
    /// </summary>
    public IReadOnlyList<Occurrence> Next(DateTimeOffset after, int count)
    {
        var result = new List<Occurrence>(count);
        var from = after.UtcDateTime;
        // A freeze can swallow many occurrences in a row; the guard only stops an expression that has no next one.
        for (var guard = 0; result.Count < count && guard < count + 100_000; guard++)
        {
            if (NextAfter(from) is not { } utc)
            {
                break;
            }

            from = utc;
            var start = new DateTimeOffset(utc, TimeSpan.Zero);
            if (start > DateTimeOffset.MaxValue - Duration)
            {
                break;
            }

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

    // The expression's next occurrence after `from`, or null when there is none before the calendar's end (Cronos throws
    // rather than answer for a moment at its last day).
    private DateTime? NextAfter(DateTime from)
    {
        try
        {
            return Expression.GetNextOccurrence(from, TimeZone);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The occurrence whose window contains <paramref name="at"/>, if any (the latest one that started at or before it).</summary>
    /// <remarks>
    /// Occurrences all last <see cref="Duration"/>, so the latest start at or before <paramref name="at"/> ends last:
    /// if it does not contain <paramref name="at"/>, none does. It is found by halving the interval of one duration
    /// before <paramref name="at"/> (the next occurrence after a moment only moves later as the moment does), a few
    /// dozen look-ups whatever the expression's frequency; walking every occurrence of a window of a month of a cron
    /// that fires every second took minutes.
    /// </remarks>
    public Occurrence? Containing(DateTimeOffset at)
    {
        var low = at - Duration - TimeSpan.FromSeconds(1);
        if (Next(low, 1) is not [var latest] || latest.Start > at)
        {
            return null;
        }

        // Invariant: the next occurrence after `low` starts at or before `at` (it is `latest`); after `high`, later.
        var high = at;
        while (high - low > TimeSpan.FromMilliseconds(1))
        {
            var middle = low + ((high - low) / 2);
            if (Next(middle, 1) is [var next] && next.Start <= at)
            {
                (low, latest) = (middle, next);
            }
            else
            {
                high = middle;
            }
        }

        return latest.End > at ? latest : null;
    }
}
