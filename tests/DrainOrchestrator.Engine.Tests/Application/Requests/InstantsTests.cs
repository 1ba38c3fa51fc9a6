using DrainOrchestrator.Application.Requests;

namespace DrainOrchestrator.Engine.Tests.Application.Requests;

public sealed class InstantsTests
{
    [Theory]
    [InlineData("2027-01-02T06:00:00Z", "2027-01-02T06:00:00+00:00")]
    [InlineData("2027-01-02T07:00:00+01:00", "2027-01-02T06:00:00+00:00")]
    [InlineData("2027-01-01T22:00-08:00", "2027-01-02T06:00:00+00:00")]
    public void Parse_AnInstantWithItsOffset_ThatInstant(string text, string expected)
    {
        var at = Instants.Parse(text, "--window-end", out var problem);

        Assert.Null(problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Theory]
    [InlineData("2027-01-02T06:00")]
    [InlineData("2027-01-02 06:00:00")]
    [InlineData("2027-01-02")]
    public void Parse_NoOffset_RefusedSayingHowToWriteIt(string text)
    {
        Assert.Null(Instants.Parse(text, "--window-end", out var problem));
        Assert.StartsWith($"--window-end '{text}' has no offset, so it could be UTC or local time: add Z for UTC", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2027-13-02T06:00:00Z")]
    public void Parse_NotAnInstant_RefusedWithAnExample(string text)
    {
        Assert.Null(Instants.Parse(text, "window.end", out var problem));
        Assert.Equal($"window.end must be an ISO 8601 instant with its offset, such as 2027-01-02T06:00:00Z or 2027-01-02T07:00:00+01:00, was '{text}'", problem);
    }
}
