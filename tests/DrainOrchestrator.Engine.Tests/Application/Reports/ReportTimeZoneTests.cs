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
}
