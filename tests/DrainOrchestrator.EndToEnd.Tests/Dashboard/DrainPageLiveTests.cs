using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Server;
using Microsoft.Playwright;

namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>
/// The drain page follows a drain running on drain-sim live, over the event stream, without reloading; its link to the
/// HTML report opens the report, whose Gantt has one bar per attempt.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DrainPageLiveTests(DashboardFixture fixture)
{
    private const string NodeBar = ".node[data-node='src-1'] progress";

    [Fact]
    public async Task DrainPage_WhileDrainRuns_ProgressUpdatesLiveOverEventStream()
    {
        var pages = new List<IPage>();
        await BrowserEvidence.RunAsync(nameof(DrainPage_WhileDrainRuns_ProgressUpdatesLiveOverEventStream), pages, async () =>
        {
            var page = await fixture.SignedInPageAsync(fixture.Tokens.Operator, pages);
            var streams = new List<string>();
            page.Request += (_, request) =>
            {
                if (request.Url.EndsWith("/events", StringComparison.Ordinal))
                {
                    lock (streams)
                    {
                        streams.Add(request.Url);
                    }
                }
            };
            var name = await ServerDrains.StartWithCurlAsync(fixture.Server, fixture.Tokens.Operator, "src-1");
            using var client = fixture.Server.Client(fixture.Tokens.Viewer);
            var id = (await client.GetFromJsonAsync<JsonObject>($"api/v1/drains/{name}"))!["id"]!.GetValue<string>();

            await page.GotoAsync($"ui/drain.html?id={id}");
            await page.Locator(NodeBar).WaitForAsync();
            var first = await Moved(page);
            await page.EvaluateAsync("() => { window.notReloaded = true; }");

            // Moves while the page stays as it is: only the event stream can have told it.
            await page.WaitForFunctionAsync($"() => Number(document.querySelector(\"{NodeBar}\").value) > {first}", null,
                new PageWaitForFunctionOptions { Timeout = 180_000, PollingInterval = 250 });
            await page.Locator("#summary").GetByText("succeeded").WaitForAsync(new LocatorWaitForOptions { Timeout = 240_000 });

            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
            lock (streams)
            {
                Assert.Contains(streams, u => u.Contains($"/api/v1/drains/{id}/events", StringComparison.Ordinal));
            }

            var drain = (await client.GetFromJsonAsync<JsonObject>($"api/v1/drains/{id}"))!;
            var node = drain["nodes"]!.AsArray().Single(n => n!["node"]!.GetValue<string>() == "src-1")!;
            var done = node["moved"]!.GetValue<int>() + node["givenUp"]!.GetValue<int>() + node["skipped"]!.GetValue<int>();
            Assert.Equal(done, await Moved(page));
            Assert.True(await Moved(page) > first, $"progress stayed at {first}");
            // The text counts the VMs that moved (given up and skipped ones are named apart, not counted as done), and
            // times carry their zone.
            var total = drain["nodes"]!.AsArray().Sum(n => n!["total"]!.GetValue<int>());
            var moved = drain["nodes"]!.AsArray().Sum(n => n!["moved"]!.GetValue<int>());
            await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync($" · {moved} of {total} VMs moved");
            Assert.Matches(@"[A-Z]{2,5}|GMT", await page.Locator("#summary time").InnerTextAsync());

            // The Gantt, once the report caught up: one bar per attempt that started, as the API returns them.
            var report = (await client.GetFromJsonAsync<JsonObject>($"api/v1/drains/{id}/report?format=json"))!;
            var started = report["migrations"]!.AsArray().Count(m => m!["startedAt"] is not null || m["createdAt"] is not null);
            await Assertions.Expect(page.Locator("svg.gantt rect.bar")).ToHaveCountAsync(started, new() { Timeout = 60_000 });
            Assert.True(started > 0);
            await BrowserEvidence.KeepAsync(nameof(DrainPage_WhileDrainRuns_ProgressUpdatesLiveOverEventStream), page, "drain-finished");

            // The drain page's link to the HTML report opens it in the browser (the session cookie authenticates it),
            // and its Gantt has one bar per attempt.
            await page.GetByRole(AriaRole.Link, new() { Name = "Report (HTML)" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/report?format=html")), new() { Timeout = 60_000 });
            var attempts = report["migrations"]!.AsArray().Count;
            await Assertions.Expect(page.Locator("svg.gantt rect.attempt")).ToHaveCountAsync(attempts);
            await BrowserEvidence.KeepAsync(nameof(DrainPage_WhileDrainRuns_ProgressUpdatesLiveOverEventStream), page, "report");
        });
    }

    private static async Task<int> Moved(IPage page) =>
        (int)await page.Locator(NodeBar).EvaluateAsync<double>("bar => Number(bar.value)");
}
