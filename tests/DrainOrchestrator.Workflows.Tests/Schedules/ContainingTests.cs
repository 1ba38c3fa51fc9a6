using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Workflows.Tests.Schedules;

/// <summary>
/// The window an instant falls in: the latest occurrence that started at or before it, when it has not ended; freezes
/// open none; and a schedule near the calendar's end lists what fits instead of failing.
/// </summary>
public sealed class ContainingTests
{
    private static readonly DateTimeOffset Saturday = new(2027, 1, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3599, 0)]
    [InlineData(3600, null)]
    [InlineData(-1, null)]
    [InlineData(7 * 86400, 7)]
    public void Containing_WeeklyHourWindow_TheOccurrenceWhoseWindowHoldsTheInstant(int secondsAfter, int? daysAfter)
    {
        var schedule = Schedule("0 2 * * 6", TimeSpan.FromHours(1));

        var found = schedule.Containing(Saturday.AddSeconds(secondsAfter));

        Assert.Equal(daysAfter is { } d ? Saturday.AddDays(d) : null, found?.Start);
        Assert.Equal(found is null ? null : found.Start + TimeSpan.FromHours(1), found?.End);
    }

    [Fact]
    public void Containing_OverlappingWindows_TheLatestThatStarted()
    {
        // Every 10 minutes, each window an hour: six are open at once; the latest that started wins.
        var schedule = Schedule("*/10 * * * *", TimeSpan.FromHours(1));

        Assert.Equal(Saturday.AddMinutes(30), schedule.Containing(Saturday.AddMinutes(35))?.Start);
        Assert.Equal(Saturday.AddMinutes(40), schedule.Containing(Saturday.AddMinutes(40))?.Start);
    }

    [Fact]
    public void Containing_EverySecondForAMonth_TheLatestSecond()
    {
        var schedule = Schedule("* * * * * *", ScheduleDefinition.MaxDuration);
        var at = Saturday.AddMilliseconds(1500);

        Assert.Equal(Saturday.AddSeconds(1), schedule.Containing(at)?.Start);
    }

    [Fact]
    public void Containing_TheOccurrenceFellInAFreeze_NoWindowThoughAnEarlierOneWouldHaveHeldIt()
    {
        // Daily at 02:00 for two days: the 2027-01-02 window is frozen, so at 03:00 that day only the 2027-01-01 one
        // (still open until 02:00 on the 3rd) holds the instant.
        var frozen = Schedule("0 2 * * *", TimeSpan.FromDays(2)) with
        {
            Exclusions = [new DateRange(new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 2))],
        };

        Assert.Equal(Saturday.AddDays(-1), frozen.Containing(Saturday.AddHours(1))?.Start);
    }

    [Fact]
    public void Next_NearTheCalendarsEnd_ListsWhatFitsInsteadOfFailing()
    {
        var schedule = Schedule("0 23 * * *", TimeSpan.FromHours(2));

        var next = schedule.Next(new DateTimeOffset(9999, 12, 30, 0, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal([new DateTimeOffset(9999, 12, 30, 23, 0, 0, TimeSpan.Zero)], next.Select(o => o.Start));
    }

    [Theory]
    [InlineData("0 23 * * *", "UTC")]
    [InlineData("*/10 * * * * *", "UTC")]
    [InlineData("0 2 * * 6", "Europe/Berlin")]
    [InlineData("0 2 * * 6", "America/New_York")]
    public void Next_AfterTheCalendarsLastSecond_NoneInsteadOfFailing(string cron, string zone) =>
        Assert.Empty((Schedule(cron, TimeSpan.FromHours(4)) with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone) })
            .Next(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), 3));

    private static ScheduleDefinition Schedule(string cron, TimeSpan duration) =>
        new(cron, ScheduleText.TryCron(cron).Expression!, TimeZoneInfo.Utc, duration, [], MisfirePolicy.Default);
}
