using System.Text.RegularExpressions;
using DrainOrchestrator.Application.Reports;

namespace DrainOrchestrator.Engine.Tests.Application.Reports;

/// <summary>The HTML report: self-contained, escaped, and its SVG as the browser tests read it.</summary>
public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public async Task Write_VmNamedLikeAScript_EscapesEveryTenantString()
    {
        var html = await SmallReports.WriteAsync(SmallReports.Document(SmallReports.Drain()), ReportFormat.Html, ReportTimeZone.Utc);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>full", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bob <admin>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("target &lt;b&gt;full&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_SmallDrain_OneBarPerAttemptAndOneBandPerWave()
    {
        var html = await SmallReports.WriteAsync(SmallReports.Document(SmallReports.Drain()), ReportFormat.Html, ReportTimeZone.Utc);

        var bars = AttemptBar().Matches(html).Select(m => (m.Groups["id"].Value, m.Groups["outcome"].Value, m.Groups["mode"].Value)).ToList();
        Assert.Equal([("11", "failed", "precopy"), ("12", "succeeded", "postcopy"), ("13", "succeeded", "precopy")], bars);
        Assert.Equal(["1", "2"], WaveBand().Matches(html).Select(m => m.Groups["wave"].Value));
        Assert.Equal(3, Regex.Count(html, "<rect class=\"attempt\"[^>]*><title>", RegexOptions.None, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Write_SmallDrain_SelfContainedAndPrintable()
    {
        var html = await SmallReports.WriteAsync(SmallReports.Document(SmallReports.Drain()), ReportFormat.Html, SmallReports.Berlin());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-03T09:00:30Z", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-03T10:00:30+01:00", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12.5</td>", html, StringComparison.Ordinal);
        Assert.Contains("not recorded", html, StringComparison.Ordinal);
        Assert.Contains("maxParallel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_DrainOverTwoWindows_SaysHowMuchOfItsDurationWasInsideThem()
    {
        // Started at 09:00, finished 5 minutes later; windows 09:00-09:01 and 09:03-09:10 (the second past the end).
        var report = SmallReports.Drain() with
        {
            Windows = [new(SmallReports.At, SmallReports.At.AddMinutes(1), 0, 2, 1, 1, true), new(SmallReports.At.AddMinutes(3), SmallReports.At.AddMinutes(10), 0, 1, 1, 0, false)],
        };

        var html = await SmallReports.WriteAsync(SmallReports.Document(report), ReportFormat.Html, ReportTimeZone.Utc);

        Assert.Contains("<dt>Duration</dt><dd>300.0 s, of which 180.0 s inside the 2 maintenance windows it ran in (", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_DrainOverOverlappingWindows_CountsTheirUnionOnce()
    {
        // 09:00-09:02, then a resume with a new end opened 09:01-09:03 (overlapping), and one after the finish (09:06-09:08).
        var report = SmallReports.Drain() with
        {
            Windows =
            [
                new(SmallReports.At, SmallReports.At.AddMinutes(2), 0, 2, 1, 0, false),
                new(SmallReports.At.AddMinutes(1), SmallReports.At.AddMinutes(3), 0, 1, 1, 0, false),
                new(SmallReports.At.AddMinutes(6), SmallReports.At.AddMinutes(8), 0, 0, 0, 0, false),
            ],
        };

        var html = await SmallReports.WriteAsync(SmallReports.Document(report), ReportFormat.Html, ReportTimeZone.Utc);

        Assert.Contains("<dt>Duration</dt><dd>300.0 s, of which 180.0 s inside the 2 maintenance windows it ran in (", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_DrainWithoutWindows_DurationAlone()
    {
        var html = await SmallReports.WriteAsync(SmallReports.Document(SmallReports.Drain()), ReportFormat.Html, ReportTimeZone.Utc);

        Assert.Contains("<dt>Duration</dt><dd>300.0 s (", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<rect class=\"attempt\" data-attempt=\"(?<id>[0-9]+)\" data-outcome=\"(?<outcome>[a-z_]+)\" data-mode=\"(?<mode>[a-z]+)\"")]
    private static partial Regex AttemptBar();

    [GeneratedRegex("<rect class=\"wave\" data-wave=\"(?<wave>[0-9]+)\"")]
    private static partial Regex WaveBand();
}
