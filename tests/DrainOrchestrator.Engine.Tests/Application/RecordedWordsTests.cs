using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Waves;

namespace DrainOrchestrator.Engine.Tests.Application;

/// <summary>The front doors show states and outcomes as the database's words, whatever the enums are called.</summary>
public sealed class RecordedWordsTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static DrainRecord Drain(DrainState state) => new(Guid.NewGuid(), "drain-a", "https://c", state, "{}", "op", At, At, null, "why",
        1, [new DrainNodeRecord("w1", DrainNodeState.Cordoned, false, 2, 1, 0, 0, null, null)]);

    private static AttemptRecord Attempt(AttemptOutcome outcome, AttemptKind kind, int wave) => new(1, Guid.NewGuid(), wave, 1, "ns",
        "vm-" + kind, "uid-" + kind, "w1", "w2", "m-" + kind, null, null, outcome, "Unknown", "never created", null, null, "{}", false, At,
        null, null, At.AddSeconds(5), At.AddSeconds(5), kind);

    [Fact]
    public void DrainView_RecordedStateNodeStateAndOutcome_AsStored()
    {
        var view = DrainViews.Of(Drain(DrainState.Cancelling) with { Owned = true }, [Attempt(AttemptOutcome.NotCreated, AttemptKind.Migration, 1)]);

        Assert.Equal((DrainStatus.Running, "cancelling"), (view.State, view.RecordedState));
        Assert.Equal("cordoned", Assert.Single(view.Nodes).State);
        Assert.Equal("not_created", Assert.Single(view.Vms).Outcome);
    }

    [Fact]
    public async Task Report_EveryFormat_StatesOutcomesAndKindsAsStored()
    {
        var report = new DrainReport(Drain(DrainState.Succeeded), [new WaveRecord(1, "rolling", 1, 5, At, At, At)],
            [Attempt(AttemptOutcome.NotCreated, AttemptKind.Migration, 1), Attempt(AttemptOutcome.Succeeded, AttemptKind.Restart, 0)], []);

        var json = JsonNode.Parse(await WriteAsync("json", report))!;
        var csv = (await WriteAsync("csv", report)).Split('\n');
        var table = await WriteAsync("table", report);

        Assert.Equal("succeeded", json["drain"]!["state"]!.GetValue<string>());
        Assert.Equal(["not_created", "succeeded"], json["migrations"]!.AsArray().Select(m => m!["outcome"]!.GetValue<string>()));
        Assert.Equal(["migration", "restart"], json["migrations"]!.AsArray().Select(m => m!["kind"]!.GetValue<string>()));
        Assert.Contains(",not_created,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("Drain drain-a (succeeded): why", table, StringComparison.Ordinal);
        Assert.Contains(" not_created ", table, StringComparison.Ordinal);
    }

    private static async Task<string> WriteAsync(string format, DrainReport report)
    {
        await using var output = new StringWriter();
        var document = new ReportDocument("drain", "Drain " + report.Drain.Name, At, [report]);
        await ReportWriter.WriteAsync(document, new ReportOptions(Enum.Parse<ReportFormat>(format, ignoreCase: true), ReportTimeZone.Utc), output,
            CancellationToken.None);
        return output.ToString();
    }
}
