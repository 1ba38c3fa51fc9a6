using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Workflows.Tests.Schedules;

/// <summary>
/// Windows around Europe/Berlin's DST changes, as Cronos documents them: on the spring-forward day (2027-03-28,
/// 02:00 → 03:00) a 02:30 window, whose local time does not exist, opens once at 03:00 CEST (01:00 UTC); on the
/// fall-back day (2026-10-25, 03:00 → 02:00) a 02:30 window, whose local time exists twice, opens once, at the first
/// (CEST, 00:30 UTC); an expression repeating every 30 minutes fires in both instances of the repeated hour.
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = ScheduleText.TryZone("Europe/Berlin").Zone!;

    [Fact]
    public void Next_DailyAt0230OnSpringForwardDay_OpensOnceAtTheJump()
    {
        var schedule = Schedule("30 2 * * *");

        var next = schedule.Next(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), next[0].Start);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)), next[0].LocalStart);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 0, 30, 0, TimeSpan.Zero), next[1].Start);
    }

    [Fact]
    public void Next_DailyAt0230OnFallBackDay_OpensOnceAtTheFirstInstance()
    {
        var schedule = Schedule("30 2 * * *");

        var next = schedule.Next(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), next[0].Start);
        Assert.Equal(TimeSpan.FromHours(2), next[0].LocalStart.Offset);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), next[1].Start);
    }

    [Fact]
    public void Next_EveryHalfHourThroughFallBack_FiresInBothInstancesOfTheRepeatedHour()
    {
        var schedule = Schedule("*/30 2 * * *");

        var starts = schedule.Next(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero), 4).Select(o => o.Start).ToList();

        Assert.Equal(
        [
            new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero),
        ], starts);
    }

    [Fact]
    public void Next_FreezeDays_Skipped()
    {
        var schedule = Schedule("0 2 * * 6", [new DateRange(new DateOnly(2026, 12, 19), new DateOnly(2027, 1, 3))]);

        var next = schedule.Next(new DateTimeOffset(2026, 12, 14, 0, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal(new DateTime(2027, 1, 9), next[0].LocalStart.Date);
        Assert.Equal(new DateTime(2027, 1, 16), next[1].LocalStart.Date);
    }

    [Fact]
    public void Window_SpansTheNightOfSpringForward_EndsByElapsedTime()
    {
        var schedule = Schedule("0 1 * * *", duration: TimeSpan.FromHours(4));

        var window = schedule.Next(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), 1)[0];

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.FromHours(1)), window.LocalStart);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.FromHours(2)), window.LocalEnd);
    }

    [Fact]
    public void Misfire_LateWithinGrace_FiresOnlyWhenFiringLate()
    {
        var due = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

        Assert.True(new MisfirePolicy(MisfireAction.FireLate, TimeSpan.FromMinutes(10)).MayFire(due, due.AddMinutes(9)));
        Assert.False(new MisfirePolicy(MisfireAction.FireLate, TimeSpan.FromMinutes(10)).MayFire(due, due.AddMinutes(11)));
        Assert.False(new MisfirePolicy(MisfireAction.Skip, TimeSpan.FromMinutes(10)).MayFire(due, due.AddMinutes(1)));
        Assert.True(new MisfirePolicy(MisfireAction.Skip, TimeSpan.FromMinutes(10)).MayFire(due, due));
    }

    [Fact]
    public void Misfire_SkipFiredByATickerASecondAfterItsInstant_IsOnTime()
    {
        // The server's ticker fires every second, never on the occurrence's exact instant: that is on time, not a misfire.
        var due = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);
        var skip = new MisfirePolicy(MisfireAction.Skip, TimeSpan.FromMinutes(10));

        Assert.True(skip.MayFire(due, due.AddMilliseconds(400)));
        Assert.True(skip.MayFire(due, due + MisfirePolicy.OnTime));
        Assert.False(skip.MayFire(due, due + MisfirePolicy.OnTime + TimeSpan.FromSeconds(1)));
    }

    private static ScheduleDefinition Schedule(string cron, IReadOnlyList<DateRange>? exclusions = null, TimeSpan? duration = null) =>
        new(cron, ScheduleText.TryCron(cron).Expression!, Berlin, duration ?? TimeSpan.FromHours(1), exclusions ?? [], MisfirePolicy.Default);
}
