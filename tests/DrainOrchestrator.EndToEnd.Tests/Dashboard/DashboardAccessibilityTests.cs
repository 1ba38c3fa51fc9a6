using Microsoft.Playwright;

namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>
/// Basic accessibility of every dashboard page, as chromium renders it: each control has an accessible name, Tab
/// reaches the controls in document order, and text contrasts with its background at 4.5:1 or more.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardAccessibilityTests(DashboardFixture fixture)
{
    [Fact]
    public async Task EveryPage_AsOperator_NamedControlsTabOrderAndContrast()
    {
        var pages = new List<IPage>();
        await BrowserEvidence.RunAsync(nameof(EveryPage_AsOperator_NamedControlsTabOrderAndContrast), pages, async () =>
        {
            var id = await fixture.PausedDrainAsync();
            var page = await fixture.SignedInPageAsync(fixture.Tokens.Operator, pages);
            var problems = new List<string>();
            foreach (var (path, ready) in new[]
            {
                ("ui/", "#drains tr"),
                ($"ui/drain.html?id={id}", "#action-cancel"),
                ("ui/workflows.html", "#calendar li"),
                ("ui/login.html", "#token"),
            })
            {
                await page.GotoAsync(path);
                await page.Locator(ready).First.WaitForAsync();
                problems.AddRange((await page.EvaluateAsync<string[]>(AccessibilityScripts.Unnamed)).Select(p => $"{path}: no accessible name: {p}"));
                problems.AddRange((await page.EvaluateAsync<string[]>(AccessibilityScripts.LowContrast)).Select(p => $"{path}: contrast {p}"));
                problems.AddRange((await page.EvaluateAsync<string[]>(AccessibilityScripts.PositiveTabIndex)).Select(p => $"{path}: tabindex out of order: {p}"));
                problems.AddRange(await TabOrderProblemsAsync(page, path));
                await BrowserEvidence.KeepAsync(nameof(EveryPage_AsOperator_NamedControlsTabOrderAndContrast), page,
                    path.Split('?')[0].Replace("ui/", string.Empty, StringComparison.Ordinal) is { Length: > 0 } file ? file : "index");
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        });
    }

    [Fact]
    public async Task Checks_OnAFlawedPage_FindEachFlaw()
    {
        var pages = new List<IPage>();
        await BrowserEvidence.RunAsync(nameof(Checks_OnAFlawedPage_FindEachFlaw), pages, async () =>
        {
            var page = await fixture.NewPageAsync(pages);
            await page.SetContentAsync("""
                <main>
                <label>Named <input id="named"></label>
                <input id="unnamed">
                <button id="icon"></button>
                <p style="color:#999999;background:#ffffff">grey on white</p>
                <p style="color:#1a1a1a">dark on white</p>
                <a href="#b" tabindex="2">second</a><a href="#a" tabindex="1">first</a>
                </main>
                """);

            var unnamed = await page.EvaluateAsync<string[]>(AccessibilityScripts.Unnamed);
            var lowContrast = await page.EvaluateAsync<string[]>(AccessibilityScripts.LowContrast);
            var outOfOrder = await page.EvaluateAsync<string[]>(AccessibilityScripts.PositiveTabIndex);
            var tabOrder = await TabOrderProblemsAsync(page, "flawed");

            Assert.Equal(2, unnamed.Length);
            Assert.Contains(unnamed, u => u.Contains("unnamed", StringComparison.Ordinal));
            Assert.Contains(unnamed, u => u.Contains("icon", StringComparison.Ordinal));
            Assert.Contains("grey on white", Assert.Single(lowContrast), StringComparison.Ordinal);
            Assert.Equal(2, outOfOrder.Length);
            Assert.Single(tabOrder);
        });
    }

    // From the first focusable control, Tab must visit every other one once, in document order.
    private static async Task<IEnumerable<string>> TabOrderProblemsAsync(IPage page, string path)
    {
        var controls = await page.EvaluateAsync<string[]>(AccessibilityScripts.TagFocusable);
        if (controls.Length == 0)
        {
            return [$"{path}: no focusable control at all"];
        }

        await page.Locator("[data-tab-index='0']").FocusAsync();
        var visited = new List<int> { await page.EvaluateAsync<int>(AccessibilityScripts.FocusedIndex) };
        for (var i = 1; i < controls.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            visited.Add(await page.EvaluateAsync<int>(AccessibilityScripts.FocusedIndex));
        }

        var expected = Enumerable.Range(0, controls.Length).ToList();
        return visited.SequenceEqual(expected) ? []
            : [$"{path}: Tab visited [{string.Join(", ", visited)}], expected [{string.Join(", ", expected)}] over {string.Join(" | ", controls)}"];
    }
}
