using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests(MetricsServerFixture server)
{
    [Fact]
    public async Task Metrics_AreInPrometheusTextFormatWithOurPrefix()
    {
        using var client = server.Client(null);
        await client.GetAsync("/healthz");
        var text = await client.GetStringAsync("/metrics");
        var ours = text.Split('\n').Where(l => l.StartsWith("drain_orchestrator_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        Assert.All(ours, l => Assert.Matches(SampleLine(), l));
        Assert.Contains(ours, l => l.StartsWith("drain_orchestrator_api_requests_total{", StringComparison.Ordinal));
        Assert.Contains(ours, l => l.StartsWith("drain_orchestrator_migrations_in_flight{", StringComparison.Ordinal));
        Assert.Contains(ours, l => l.StartsWith("drain_orchestrator_migrations_free_slots", StringComparison.Ordinal));
        Assert.Contains(ours, l => l.StartsWith("drain_orchestrator_drains{", StringComparison.Ordinal));
        Assert.Contains(ours, l => l.StartsWith("drain_orchestrator_events_feed_polls_total", StringComparison.Ordinal));
        Assert.Contains(ours, l => l.StartsWith("drain_orchestrator_cluster_view_staleness_seconds{", StringComparison.Ordinal)
            && l.Contains("resource=\"virtualmachineinstancemigrations\"", StringComparison.Ordinal));
        Assert.Contains("# TYPE drain_orchestrator_api_requests_total counter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetRefusals_ARefusal_ExportedAsTheReadmeNamesIt()
    {
        // The budget's meter is the engine's own (a refusal deep in the shared budget records it); the server exports it.
        var refused = typeof(Engine.Budget.BudgetMetrics).GetMethod("Refused", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        refused.Invoke(null, ["metrics-test", Persistence.Budget.SlotRefusal.ClusterLimit]);
        using var client = server.Client(null);

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains(text.Split('\n'), l => l.StartsWith("drain_orchestrator_budget_refusals_total{", StringComparison.Ordinal)
            && l.Contains("cluster=\"metrics-test\"", StringComparison.Ordinal) && l.Contains("reason=\"ClusterLimit\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestsTotal_AnErrorAnsweredByTheExceptionHandler_CountedWithItsStatusAndRoute()
    {
        using var client = server.Client("olga");
        string[] labels = ["method=\"GET\"", "route=\"/api/v1/drains/{id}/audit\"", "status=\"404\""];
        var before = Sample(await client.GetStringAsync("/metrics"), "drain_orchestrator_api_requests_total", labels);

        using var missing = await client.GetAsync("/api/v1/drains/no-such-drain/audit");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var text = await client.GetStringAsync("/metrics");
        Assert.True(before + 1 == Sample(text, "drain_orchestrator_api_requests_total", labels),
            string.Join('\n', text.Split('\n').Where(l => l.Contains("api_requests_total", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task InFlightGauge_DuringADrain_EqualsTheClusterAtScrapeTime()
    {
        using var client = server.Client("olga");
        using var created = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-4"],"name":"metrics-drain"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var drain = await Support.Api.ReadAsync<DrainView>(created);

        // Compare only samples taken while the cluster stood still (the same unfinished VMIMs before and after the scrape).
        var matched = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (matched < 3 && started.Elapsed < TimeSpan.FromMinutes(3))
        {
            var before = await UnfinishedAsync();
            var scraped = InFlight(await client.GetStringAsync("/metrics"));
            var after = await UnfinishedAsync();
            if (before.SetEquals(after) && before.Count > 0)
            {
                // The server's view follows the cluster through its watch, a moment behind: while the cluster stands
                // still the gauge must reach it within two seconds; a sample whose cluster moved meanwhile proves nothing.
                var stillStanding = true;
                for (var i = 0; scraped != before.Count && stillStanding && i < 10; i++)
                {
                    await Task.Delay(200);
                    scraped = InFlight(await client.GetStringAsync("/metrics"));
                    stillStanding = (await UnfinishedAsync()).SetEquals(before);
                }

                if (stillStanding)
                {
                    Assert.Equal(before.Count, scraped);
                    matched++;
                }
            }

            await Task.Delay(100);
        }

        Assert.True(matched >= 1, "never saw a migration in flight while the cluster stood still");
        await Support.Api.WaitFinishedAsync(client, drain.Id, TimeSpan.FromMinutes(5));
        var truth = await server.Sim.GroundTruthAsync();
        Assert.True(truth.PeakInFlight <= 5, $"peak in flight {truth.PeakInFlight} above the cluster limit 5");
    }

    // The value of the series of `name` with these labels (among others); 0 before its first sample.
    private static double Sample(string text, string name, string[] labels)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal)
            && labels.All(label => l.Contains(label, StringComparison.Ordinal)));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task<HashSet<string>> UnfinishedAsync()
    {
        var list = await server.Sim.Client.ListAllAsync<VirtualMachineInstanceMigration>(null, null, CancellationToken.None);
        return list.Items.Where(m => m.Status?.Phase is not ("Succeeded" or "Failed")).Select(m => m.Metadata.Namespace + "/" + m.Metadata.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static int InFlight(string metrics) => metrics.Split('\n')
        .Where(l => l.StartsWith("drain_orchestrator_migrations_in_flight{", StringComparison.Ordinal))
        .Sum(l => (int)double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    // name{labels} value [timestamp], with Prometheus' name rules.
    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})? [-+0-9.eEIinfNa]+( [0-9]+)?$""")]
    private static partial Regex SampleLine();
}
