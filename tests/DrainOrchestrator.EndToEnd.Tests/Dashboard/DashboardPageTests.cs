using Microsoft.Playwright;

namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>
/// Pages as the browser lays them out: the wave Gantt of a rolling drain, whose waves begin seconds apart and whose
/// labels once printed on top of each other ("wavwaw4e5ave"): each label now keeps clear of the others (or gives way,
/// its line named in a title), and a time scale runs under the lanes. A drain page opened without a drain signs in and
/// says what is missing (it stayed on "Signing in…").
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task DrainPage_NoDrainNamed_SignedInAndSaysSo()
    {
        var pages = new List<IPage>();
        await BrowserEvidence.RunAsync(nameof(DrainPage_NoDrainNamed_SignedInAndSaysSo), pages, async () =>
        {
            var page = await fixture.SignedInPageAsync(fixture.Tokens.Viewer, pages);

            await page.GotoAsync("ui/drain.html");

            await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("vera (viewer)");
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("No drain named: open a drain from the list.");
        });
    }

    [Fact]
    public async Task Gantt_WavesSecondsApartInAnHour_NoTwoLabelsOverlapAndATimeScale()
    {
        var pages = new List<IPage>();
        await BrowserEvidence.RunAsync(nameof(Gantt_WavesSecondsApartInAnHour_NoTwoLabelsOverlapAndATimeScale), pages, async () =>
        {
            var page = await fixture.SignedInPageAsync(fixture.Tokens.Viewer, pages);
            await page.GotoAsync("ui/index.html");

            // Twelve waves, each starting 2 s after the one before, the last attempt ending an hour later.
            var boxes = await page.EvaluateAsync<double[][]>("""
                async () => {
                  const { gantt } = await import('/ui/gantt.js');
                  const t0 = Date.parse('2026-12-07T10:00:00Z');
                  const at = (s) => new Date(t0 + s * 1000).toISOString();
                  const migrations = [];
                  for (let w = 1; w <= 12; w++) {
                    migrations.push({ vmi: 'ns/vm-' + w, source: 'node-' + (w % 3), wave: w, attempt: 1, outcome: 'succeeded',
                      startedAt: at(w * 2), finishedAt: at(w === 12 ? 3600 : w * 2 + 60) });
                  }
                  const chart = gantt(migrations, t0 + 3600 * 1000);
                  document.body.append(chart);
                  return [...chart.querySelectorAll('text')].filter((t) => t.textContent.startsWith('wave '))
                    .map((t) => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; });
                }
                """);
            var ticks = await page.Locator("svg.gantt text.tick").AllTextContentsAsync();
            var titled = await page.Locator("svg.gantt line.wave title").CountAsync();

            Assert.NotEmpty(boxes);
            for (var i = 0; i < boxes.Length; i++)
            {
                for (var j = i + 1; j < boxes.Length; j++)
                {
                    var (a, b) = (boxes[i], boxes[j]);
                    var overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                    Assert.False(overlap, $"wave labels {i} and {j} overlap: [{string.Join(", ", a)}] and [{string.Join(", ", b)}]");
                }
            }

            Assert.Equal(12, titled);
            // 3598 s from the first start to the last end: a tick each 1000 s.
            Assert.Equal(["0 s", "1000 s", "2000 s", "3000 s"], ticks);
        });
    }
}
