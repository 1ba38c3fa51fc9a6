using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;
using Microsoft.Playwright;

namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>
/// Issue 14's acceptance for the HTML report: the demo's drain (scripts/demo.sh: the built-in demo cluster, worker-a1
/// and worker-b2, non-migratable VMs skipped) run by drainctl, its report written with <c>--format html</c> and opened
/// from the file in chromium: the SVG Gantt has one bar per recorded attempt, each carrying its attempt's id and
/// outcome, and the page loads nothing from anywhere. A screenshot is kept either way.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DemoReportTests(DashboardFixture fixture)
{
    [Fact]
    public async Task DemoDrainReport_OpensInChromium_OneGanttBarPerAttempt()
    {
        var database = new PostgresDatabaseFixture();
        await database.InitializeAsync();
        try
        {
            await RunAsync(database);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private async Task RunAsync(PostgresDatabaseFixture database)
    {
        await using var sim = await SimulatorProcess.StartAsync("demo", 20);
        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString,
            "--node", "worker-a1", "--node", "worker-b2", "--non-migratable", "skip", "--max-parallel", "5", "--max-outbound", "2",
            "--retry-backoff-seconds", "2", "--output", "plain");
        Assert.True(code == 0, output);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        var (reportCode, html) = await Drainctl.RunAsync("report", drain.Name, "--format", "html", "--db", database.ConnectionString);
        Assert.True(reportCode == 0, html);
        var file = Path.Combine(Path.GetDirectoryName(sim.KubeconfigPath)!, "demo-report.html");
        await File.WriteAllTextAsync(file, html[html.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)..]);

        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await BrowserEvidence.RunAsync(nameof(DemoDrainReport_OpensInChromium_OneGanttBarPerAttempt), [page], async () =>
        {
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            var bars = page.Locator("svg rect.attempt");
            await Assertions.Expect(bars).ToHaveCountAsync(attempts.Count);
            var ids = await bars.EvaluateAllAsync<long[]>("rects => rects.map(r => Number(r.dataset.attempt))");
            Assert.Equal(attempts.Select(a => a.Id).Order(), ids.Order());
            var outcomes = await bars.EvaluateAllAsync<string[]>("rects => rects.map(r => r.dataset.outcome)");
            Assert.Equal(attempts.Count(a => a.Outcome == AttemptOutcome.Succeeded), outcomes.Count(o => o == "succeeded"));
            Assert.True(await page.Locator("svg rect.wave").CountAsync() >= 1, "the waves should be marked in the Gantt");
            Assert.All(requests, url => Assert.StartsWith("file:", url, StringComparison.Ordinal));
            await BrowserEvidence.KeepAsync(nameof(DemoDrainReport_OpensInChromium_OneGanttBarPerAttempt), page, "demo-report");
        });
        await context.CloseAsync();
    }
}
