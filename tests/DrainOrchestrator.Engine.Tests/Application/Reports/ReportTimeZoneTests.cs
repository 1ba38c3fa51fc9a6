namespace DrainOrchestrator.Engine.Tests.Application.Reports;

/// <summary>A report's --from and --to: without an offset, read in the chosen zone, fractions of a second too.</summary>
public sealed class ReportTimeZoneTests
{
    [Theory]
    [InlineData("2026-11-01T08:00:00", "2026-11-01T07:00:00.0000000+00:00")]
    [InlineData("2026-11-01T08:00:00.5", "2026-11-01T07:00:00.5000000+00:00")]
    [InlineData("2026-11-01T08:00:00.5Z", "2026-11-01T08:00:00.5000000+00:00")]
    [InlineData("2026-11-01T08:00:00.5+02:00", "2026-11-01T06:00:00.5000000+00:00")]
    public void ParseTime_InBerlin_LocalUnlessAnOffsetIsGiven(string text, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), SmallReports.Berlin().ParseTime(text));

    [Theory]
    [InlineData("Pacific/Kiritimati", "0001-01-01")]
    [InlineData("America/Los_Angeles", "9999-12-31T23:00:00")]
    public void ParseTime_TheZonesOffsetTakesItOutsideTheCalendar_Unreadable(string zone, string text)
    {
        var problems = new List<DrainOrchestrator.Application.Requests.RequestProblem>();

        Assert.Null(DrainOrchestrator.Application.Reports.ReportTimeZone.Parse(zone, "--time-zone", problems)!.ParseTime(text));
        Assert.Empty(problems);
    }
}
