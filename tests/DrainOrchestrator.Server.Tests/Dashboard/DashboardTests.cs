using System.Net;
using DrainOrchestrator.Server.Jobs;
using DrainOrchestrator.Server.Tests.Support;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace DrainOrchestrator.Server.Tests.Dashboard;

/// <summary>
/// The Hangfire dashboard behind the API's authentication: viewers see it and cannot act, operators and admins can.
/// The job acted on is a drain job scheduled a day ahead in the shared server's Hangfire storage, so it never runs.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DashboardTests(ServerFixture server)
{
    [Fact]
    public async Task Dashboard_WithoutToken_Is401_AndWithAnyRoleShowsItsPages()
    {
        using var anonymous = server.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire/jobs/scheduled")).StatusCode);
        using var stranger = server.Client(null);
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token-of-the-file");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/hangfire")).StatusCode);

        foreach (var user in new[] { "alice", "olga", "root" })
        {
            using var client = server.Client(user);
            foreach (var page in new[] { "/hangfire", "/hangfire/jobs/scheduled", "/hangfire/servers" })
            {
                using var response = await client.GetAsync(page);
                await Support.Api.ExpectAsync(HttpStatusCode.OK, response);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task Viewer_CannotDeleteOrTriggerAJob_OperatorCan()
    {
        var storage = Storage();
        var jobId = new BackgroundJobClient(storage).Schedule<DrainJob>(j => j.RunAsync(Guid.NewGuid(), CancellationToken.None), TimeSpan.FromDays(1));

        using var alice = server.Client("alice");
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostAsync("/hangfire/jobs/scheduled/enqueue", Jobs(jobId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostAsync("/hangfire/jobs/scheduled/delete", Jobs(jobId))).StatusCode);
        using (var refused = await alice.PostAsync($"/hangfire/jobs/actions/delete/{jobId}", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("takes the operator or admin role", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("Scheduled", State(storage, jobId));

        // The counters the pages poll are a POST too, and a viewer's pages need them.
        using var stats = await alice.PostAsync("/hangfire/stats", new FormUrlEncodedContent([new KeyValuePair<string, string>("metrics[]", "scheduled:count")]));
        await Support.Api.ExpectAsync(HttpStatusCode.OK, stats);
        // Without a form it is the client's mistake, said so, not a server error.
        using var bare = await alice.PostAsync("/hangfire/stats", null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, bare.StatusCode);
        Assert.Contains("take a form", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var olga = server.Client("olga");
        using (var deleted = await olga.PostAsync("/hangfire/jobs/scheduled/delete", Jobs(jobId)))
        {
            Assert.True(deleted.IsSuccessStatusCode, $"operator's delete: {deleted.StatusCode}");
        }

        Assert.Equal("Deleted", State(storage, jobId));

        // A job page's own button posts no body at all, as the dashboard's script sends it.
        var another = new BackgroundJobClient(storage).Schedule<DrainJob>(j => j.RunAsync(Guid.NewGuid(), CancellationToken.None), TimeSpan.FromDays(1));
        using (var button = await olga.PostAsync($"/hangfire/jobs/actions/delete/{another}", null))
        {
            Assert.True(button.IsSuccessStatusCode, $"operator's job-page delete: {button.StatusCode}");
        }

        Assert.Equal("Deleted", State(storage, another));
        using var formless = await olga.PostAsync("/hangfire/jobs/scheduled/delete", null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formless.StatusCode);
    }

    [Fact]
    public async Task Browser_SignsInWithTheLoginForm_AndTheCookieOpensOnlyTheDashboard()
    {
        var cookies = new CookieContainer();
        using var browser = server.Client(server.BaseAddress, null, new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        // Navigation without a token: the login form, with 401.
        using (var form = await browser.GetAsync("/hangfire"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, form.StatusCode);
            Assert.Contains("action=\"/hangfire/login\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A sign-in posted from another site (login forgery) sets no cookie.
        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site") })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, "/hangfire/login")
            {
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("token", server.Tokens["alice"])]),
            };
            forged.Headers.Add(header, value);
            using var refusedLogin = await browser.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Forbidden, refusedLogin.StatusCode);
            Assert.False(refusedLogin.Headers.Contains("Set-Cookie"), $"{header}: {value} set a cookie");
            Assert.Contains("another origin", await refusedLogin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A token that is not accepted comes back to the form, saying so.
        await LoginAsync(browser, "not-a-token-of-the-file");
        using (var refused = await browser.GetAsync("/hangfire"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("not accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A viewer's token: the dashboard opens; the cookie is HttpOnly, SameSite=Strict and for the dashboard's path only.
        var setCookie = await LoginAsync(browser, server.Tokens["alice"]);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/hangfire", setCookie, StringComparison.OrdinalIgnoreCase);
        using (var page = await browser.GetAsync("/hangfire/jobs/scheduled"))
        {
            await Support.Api.ExpectAsync(HttpStatusCode.OK, page);
        }

        // The API does not take the cookie (were it sent there): no cross-site use of it outside the dashboard.
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/drains");
        api.Headers.Add("Cookie", $"{DashboardAccess.CookieName}={server.Tokens["root"]}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(api)).StatusCode);

        // Signing out drops the cookie.
        using (var logout = await browser.PostAsync("/hangfire/logout", null))
        {
            Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    private static async Task<string> LoginAsync(HttpClient browser, string token)
    {
        using var response = await browser.PostAsync("/hangfire/login", new FormUrlEncodedContent([new KeyValuePair<string, string>("token", token)]));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/hangfire", response.Headers.Location?.ToString());
        return string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
    }

    private PostgreSqlStorage Storage() => new(new NpgsqlConnectionFactory(server.ConnectionString, Options()), Options());

    private static PostgreSqlStorageOptions Options() => new() { SchemaName = ServerConstants.HangfireSchema, PrepareSchemaIfNecessary = false };

    private static FormUrlEncodedContent Jobs(string jobId) => new([new KeyValuePair<string, string>("jobs[]", jobId)]);

    private static string? State(JobStorage storage, string jobId) => storage.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault()?.StateName;
}
