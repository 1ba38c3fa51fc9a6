using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Application.Requests;
using Json.Schema;

namespace DrainOrchestrator.Engine.Tests.Application.Reports;

/// <summary>JSON against its published schema, CSV rows, and the request's problems in the user's terms.</summary>
public sealed class ReportFormatTests
{
    // Built once: the library registers a schema by its $id and refuses a second one.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "report.schema.json"))));

    [Fact]
    public async Task Json_SmallDrainAndPeriod_ValidAgainstThePublishedSchema()
    {
        var schema = Schema.Value;
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var period = SmallReports.Document(SmallReports.Drain()) with { Kind = "period" };
        period = period with { Period = new ReportPeriod(SmallReports.At, SmallReports.At.AddDays(1), null) };
        foreach (var document in new[] { SmallReports.Document(SmallReports.Drain()), period })
        {
            var json = await SmallReports.WriteAsync(document, ReportFormat.Json, SmallReports.Berlin());
            using var parsed = JsonDocument.Parse(json);
            var result = schema.Evaluate(parsed.RootElement, options);
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Fact]
    public async Task Json_Broken_FailsTheSchema()
    {
        var schema = Schema.Value;
        var json = JsonNode.Parse(await SmallReports.WriteAsync(SmallReports.Document(SmallReports.Drain()), ReportFormat.Json, ReportTimeZone.Utc))!;
        json["migrations"]![0]!["attempt"] = "one";
        json.AsObject().Remove("schemaVersion");
        using var parsed = JsonDocument.Parse(json.ToJsonString());

        Assert.False(schema.Evaluate(parsed.RootElement).IsValid);
    }

    [Fact]
    public async Task Json_Berlin_OffsetsAndTotals()
    {
        var json = JsonNode.Parse(await SmallReports.WriteAsync(SmallReports.Document(SmallReports.Drain()), ReportFormat.Json, SmallReports.Berlin()))!;

        Assert.Equal(("Europe/Berlin", "+01:00"), (json["timeZone"]!["id"]!.GetValue<string>(), json["migrations"]![0]!["utcOffset"]!.GetValue<string>()));
        Assert.Equal(1, json["schemaVersion"]!.GetValue<int>());
        Assert.Equal(12.5, json["migrations"]![2]!["predictedSeconds"]!.GetValue<double>());
        Assert.Equal([("failed", 1), ("succeeded", 2)], json["totals"]!["byOutcome"]!.AsArray().Select(t => (t!["key"]!.GetValue<string>(), t["attempts"]!.GetValue<int>())));
        Assert.Equal("pause", json["drain"]!["actions"]![0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_SmallDrain_OneRowPerAttemptWithLocalTimes()
    {
        var lines = (await SmallReports.WriteAsync(SmallReports.Document(SmallReports.Drain()), ReportFormat.Csv, SmallReports.Berlin()))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("wave,vmi,attempt,source,target", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length); // the header, 3 attempts, 1 VM not moved
        Assert.Contains("2026-11-03T10:00:30+01:00", lines[2], StringComparison.Ordinal);
        Assert.Contains(",Europe/Berlin,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryFormat_MigrationNetwork_ShowsWhereEachMigrationWent()
    {
        var document = SmallReports.Document(SmallReports.Drain());

        var json = JsonNode.Parse(await SmallReports.WriteAsync(document, ReportFormat.Json, ReportTimeZone.Utc))!["migrations"]!.AsArray();
        var csv = (await SmallReports.WriteAsync(document, ReportFormat.Csv, ReportTimeZone.Utc)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var table = await SmallReports.WriteAsync(document, ReportFormat.Table, ReportTimeZone.Utc);
        var html = await SmallReports.WriteAsync(document, ReportFormat.Html, ReportTimeZone.Utc);

        Assert.Null(json[0]!["network"]);
        Assert.Equal(("192.168.50.2", SmallReports.MigrationNetwork, true), (json[1]!["network"]!["targetAddress"]!.GetValue<string>(),
            json[1]!["network"]!["migrationNetwork"]!.GetValue<string>(), json[1]!["network"]!["onMigrationNetwork"]!.GetValue<bool>()));
        Assert.False(json[2]!["network"]!["onMigrationNetwork"]!.GetValue<bool>());
        Assert.EndsWith(",target_address,migration_network,on_migration_network,outbound_vmim", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",10.128.0.2,kubevirt/migration-net,False,", csv[3], StringComparison.Ordinal);
        Assert.Contains("via on kubevirt/migration-net (192.168.50.2)", table, StringComparison.Ordinal);
        Assert.Contains("via pod network, not kubevirt/migration-net (10.128.0.2)", table, StringComparison.Ordinal);
        Assert.Contains("<td>pod network, not kubevirt/migration-net (10.128.0.2)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_BadZoneAndNoSubject_EveryProblemInTheDoorsTerms()
    {
        var cli = Assert.Throws<InvalidRequestException>(() => new ReportRequest(null, null, null, null, null, "pdf", "Mars/Olympus").Read(FrontDoor.CommandLine));
        var api = Assert.Throws<InvalidRequestException>(() => new ReportRequest(null, null, "2026-12-01", "2026-11-01", null, "html", "Mars/Olympus").Read(FrontDoor.Api));

        Assert.Equal(3, cli.Problems.Count);
        Assert.Contains(cli.Problems, p => p.Field == "--time-zone" && p.Message.Contains("Europe/Berlin", StringComparison.Ordinal));
        Assert.Contains(cli.Problems, p => p.Field == "--format");
        Assert.Equal(["timeZone", "to"], api.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Request_PeriodInBerlin_DatesReadInThatZoneHalfOpen()
    {
        var (subject, options) = new ReportRequest(null, null, "2026-11-01", "2026-12-01", "https://c", "csv", "Europe/Berlin").Read(FrontDoor.CommandLine);

        var period = Assert.IsType<ReportSubject.Period>(subject).Range;
        Assert.Equal((new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), "https://c"),
            (period.From, period.To, period.Cluster));
        Assert.Equal(ReportFormat.Csv, options.Format);
    }
}
