using Microsoft.Playwright;

namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>
/// Runs a browser test's body and, when it fails, keeps what each of its pages showed: a full-page screenshot and the
/// page's HTML, under artifacts/test-results/dashboard/TEST/ (beside the test results scripts/test.sh writes). A test
/// may also keep a screenshot of what it checked, passing or not.
/// </summary>
internal static class BrowserEvidence
{
    public static string Directory(string test) => Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "dashboard", test);

    /// <summary>Runs <paramref name="body"/>; the pages it adds to <paramref name="pages"/> are captured if it throws.</summary>
    public static async Task RunAsync(string test, List<IPage> pages, Func<Task> body)
    {
        if (System.IO.Directory.Exists(Directory(test)))
        {
            // A previous run's evidence: this run's outcome decides whether there is any.
            System.IO.Directory.Delete(Directory(test), recursive: true);
        }

        try
        {
            await body();
        }
        catch (Exception failure)
        {
            await CaptureAsync(test, pages, failure);
            throw;
        }
    }

    /// <summary>Keeps a screenshot of <paramref name="page"/> as it is now, passing or not, as <c>NAME.png</c>.</summary>
    public static async Task KeepAsync(string test, IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory(test));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory(test), name + ".png"), FullPage = true });
    }

    private static async Task CaptureAsync(string test, List<IPage> pages, Exception failure)
    {
        var directory = Directory(test);
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "failure.txt"), failure.ToString());
        for (var i = 0; i < pages.Count; i++)
        {
            try
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"page-{i}.png"), FullPage = true, Timeout = 15_000 });
                await File.WriteAllTextAsync(Path.Combine(directory, $"page-{i}.html"), await pages[i].ContentAsync());
            }
            catch (PlaywrightException ex)
            {
                // A page that is gone cannot be captured: say so beside the others rather than hide the test's own failure.
                await File.WriteAllTextAsync(Path.Combine(directory, $"page-{i}.txt"), "not captured: " + ex.Message);
            }
        }
    }
}
