using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Workflows.Tests.Schedules;

public sealed class ScheduleTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void TryZone_NoName_SaysOneIsRequired(string name)
    {
        var (zone, problem) = ScheduleText.TryZone(name);

        Assert.Null(zone);
        Assert.Equal("a time zone is required: an IANA name such as Europe/Berlin, America/New_York or UTC", problem);
    }

    [Fact]
    public void TryZone_AnUnknownName_NamesItWithExamples()
    {
        var (zone, problem) = ScheduleText.TryZone("Mars/Olympus");

        Assert.Null(zone);
        Assert.StartsWith("unknown time zone 'Mars/Olympus': use an IANA name", problem, StringComparison.Ordinal);
    }
}
