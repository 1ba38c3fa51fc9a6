using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Server;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>
/// What the dashboard's browser tests share, started once: a database, drain-sim on the forty-VM scenario, one
/// <c>drainctl serve</c> and one headless chromium (Debian's, never a downloaded one). Each test opens its own browser
/// contexts, so their cookies stay apart.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>The environment variable that names another chromium executable.</summary>
    public const string ChromiumVariable = "DRAIN_CHROMIUM";

    /// <summary>The stored schedule the workflows page shows.</summary>
    public const string ScheduleName = "weekly-maintenance";

    private const string DefaultChromium = "/usr/bin/chromium";
    private readonly PostgresDatabaseFixture _database = new();
    private readonly SemaphoreSlim _pausedGate = new(1, 1);
    private SimulatorProcess? _sim;
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _pausedDrainId;

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    internal ApiTokens Tokens { get; private set; } = null!;

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"chromium is not installed at {chromium}: run scripts/test.sh (it installs Debian's chromium package), "
                + $"or 'sudo apt-get install -y chromium', or set {ChromiumVariable} to a chromium executable.");
        }

        await _database.InitializeAsync();
        _sim = await SimulatorProcess.StartAsync("forty.yaml", 2);
        Tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(_sim.KubeconfigPath)!);
        _server = await ServerProcess.StartAsync(_sim.KubeconfigPath, _database.ConnectionString, Tokens.Path);
        await CreateScheduleAsync();

        // Playwright's driver ships in its package; the browser is the system's, so nothing is ever downloaded.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Assertions.Expect waits 5 s by default, which the page's context timeout does not change: a loaded runner (the
        // CI's tests run side by side on two cores) can take longer to render what the dashboard then shows.
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Chromium refuses to start its sandbox as root (containers, CI); as anyone else it keeps it.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A page in a new browser context (its own cookies) for this server, added to <paramref name="pages"/>.</summary>
    internal async Task<IPage> NewPageAsync(List<IPage> pages)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Url.ToString() });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        pages.Add(page);
        return page;
    }

    /// <summary>As <see cref="NewPageAsync"/>, signed in with <paramref name="token"/> on the login page.</summary>
    internal async Task<IPage> SignedInPageAsync(string token, List<IPage> pages)
    {
        var page = await NewPageAsync(pages);
        await page.GotoAsync("ui/login.html");
        await page.GetByLabel("API token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ExpectAtAsync(page, "/ui/");
        return page;
    }

    /// <summary>
    /// Waits until <paramref name="page"/>'s address ends with <paramref name="pathEnd"/>, polling the address. A
    /// navigation started by the page's own script (a 401 sends it to the login page) may already have committed, or
    /// still be loading, when this starts; waiting for a navigation event, or for the load event after it, can miss it.
    /// </summary>
    internal static Task ExpectAtAsync(IPage page, string pathEnd) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(pathEnd) + "$"), new() { Timeout = 60_000 });

    /// <summary>
    /// The id of a drain of src-2 that an operator paused once it ran: unfinished, so an operator's drain page offers
    /// its actions. Started on first use and shared by the tests that need one.
    /// </summary>
    internal async Task<string> PausedDrainAsync()
    {
        await _pausedGate.WaitAsync();
        try
        {
            if (_pausedDrainId is null)
            {
                using var client = Server.Client(Tokens.Operator);
                var name = await ServerDrains.StartWithCurlAsync(Server, Tokens.Operator, "src-2");
                await ServerDrains.WaitRecordedStateAsync(client, name, "running", TimeSpan.FromMinutes(2));
                using var paused = await client.PostAsync($"api/v1/drains/{name}/pause", null);
                Assert.True(paused.IsSuccessStatusCode, await paused.Content.ReadAsStringAsync());
                _pausedDrainId = (await client.GetFromJsonAsync<JsonObject>($"api/v1/drains/{name}"))!["id"]!.GetValue<string>();
            }

            return _pausedDrainId;
        }
        finally
        {
            _pausedGate.Release();
        }
    }

    // The example maintenance window (Saturdays 02:00 Berlin) as a stored schedule, so the workflows page has windows to
    // show; it never fires during a test run (its occurrences before its creation are not due).
    private async Task CreateScheduleAsync()
    {
        var file = Path.Combine(RepositoryPaths.Root, "workflows", "maintenance-window.yaml");
        var body = new JsonObject
        {
            ["name"] = ScheduleName,
            ["fileName"] = Path.GetFileName(file),
            ["text"] = await File.ReadAllTextAsync(file),
            ["parameters"] = new JsonObject { ["nodes"] = "spare-1" },
        };
        using var client = Server.Client(Tokens.Operator);
        using var created = await client.PostAsync("api/v1/schedules", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }

        await _database.DisposeAsync();
        _pausedGate.Dispose();
    }
}
