using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Dashboard;

/// <summary>
/// The operator dashboard's sign-in over HTTP: a token posted from the login form becomes an HttpOnly, SameSite=Strict,
/// expiring session cookie only when it authenticates; the API accepts that cookie, refuses it once expired, and
/// refuses any state change made with it unless the anti-forgery header matches; a viewer's session still cannot act.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class UiSessionTests(ServerFixture server)
{
    [Fact]
    public async Task Login_FileToken_SetsHttpOnlyStrictExpiringCookies_AndMeNamesTheCaller()
    {
        var (session, csrf, response) = await LoginAsync(server.Tokens["alice"]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/ui/", response.Headers.Location?.OriginalString);
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, setCookies.Count);
        Assert.All(setCookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("expires=", c, StringComparison.OrdinalIgnoreCase);
        });

        using var client = CookieClient(session, csrf);
        var me = (await client.GetFromJsonAsync<JsonObject>("/api/v1/me"))!;
        Assert.Equal("alice", me["name"]!.GetValue<string>());
        Assert.Equal("viewer", me["role"]!.GetValue<string>());
        Assert.Equal(csrf, me["csrfToken"]!.GetValue<string>());

        using var bearer = server.Client("olga");
        var operatorMe = (await bearer.GetFromJsonAsync<JsonObject>("/api/v1/me"))!;
        Assert.Equal(("olga", "operator"), (operatorMe["name"]!.GetValue<string>(), operatorMe["role"]!.GetValue<string>()));
        Assert.Null(operatorMe["csrfToken"]);
    }

    [Fact]
    public async Task Login_UnknownTokenOrOtherOrigin_NoCookie()
    {
        var (_, _, unknown) = await LoginAsync("not-a-token-of-the-file");
        Assert.Equal(HttpStatusCode.SeeOther, unknown.StatusCode);
        Assert.Equal("/ui/login.html?failed=refused", unknown.Headers.Location?.OriginalString);
        Assert.False(unknown.Headers.Contains("Set-Cookie"));

        var (_, _, crossSite) = await LoginAsync(server.Tokens["olga"], origin: "https://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.False(crossSite.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SessionCookie_Expired_Is401_AndNotAcceptedByTheJobsDashboard()
    {
        var token = server.Tokens["olga"];
        var past = TimeProvider.System.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds();
        using var expired = CookieClient($"v1.{past}.{token}", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/api/v1/me")).StatusCode);

        var (session, csrf, _) = await LoginAsync(token);
        using var fresh = CookieClient(session, csrf);
        using var me = await fresh.GetAsync("/api/v1/me");
        await Support.Api.ExpectAsync(HttpStatusCode.OK, me);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task CookieSession_StateChange_NeedsMatchingCsrfHeader_AndViewerIsRefusedAnyway()
    {
        var missing = Guid.NewGuid();
        var (operatorSession, operatorCsrf, _) = await LoginAsync(server.Tokens["olga"]);
        using var noHeader = CookieClient(operatorSession, operatorCsrf);
        using var refused = await noHeader.PostAsync($"/api/v1/drains/{missing}/cancel", null);
        await Support.Api.ExpectAsync(HttpStatusCode.Forbidden, refused);
        Assert.Contains("X-Drain-Csrf", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrongHeader = CookieClient(operatorSession, operatorCsrf, header: "not-the-value");
        Assert.Equal(HttpStatusCode.Forbidden, (await wrongHeader.PostAsync($"/api/v1/drains/{missing}/cancel", null)).StatusCode);

        // With the header, the operator's request reaches the API: the drain does not exist.
        using var withHeader = CookieClient(operatorSession, operatorCsrf, header: operatorCsrf);
        Assert.Equal(HttpStatusCode.NotFound, (await withHeader.PostAsync($"/api/v1/drains/{missing}/cancel", null)).StatusCode);

        var (viewerSession, viewerCsrf, _) = await LoginAsync(server.Tokens["alice"]);
        using var viewer = CookieClient(viewerSession, viewerCsrf, header: viewerCsrf);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/drains/{missing}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task UiFiles_ServedWithSecurityHeaders_AndNoInlineScript()
    {
        using var client = server.Client(null);
        using var redirect = await client.GetAsync("/ui");
        Assert.Equal("/ui/", redirect.RequestMessage!.RequestUri!.AbsolutePath);
        foreach (var page in new[] { "/ui/", "/ui/drain.html", "/ui/workflows.html", "/ui/login.html" })
        {
            using var response = await client.GetAsync(page);
            await Support.Api.ExpectAsync(HttpStatusCode.OK, response);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        }

        using var script = await client.GetAsync("/ui/drain.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ui/missing.js")).StatusCode);
    }

    // Posts the login form as the browser does (same origin unless told); returns the two cookies' values and the response.
    private async Task<(string? Session, string? Csrf, HttpResponseMessage Response)> LoginAsync(string token, string? origin = null)
    {
        using var client = server.Client(server.BaseAddress, null, new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("token", token)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ui/login") { Content = form };
        request.Headers.Add("Origin", origin ?? server.BaseAddress.GetLeftPart(UriPartial.Authority));
        var response = await client.SendAsync(request);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        string? Value(string name) => cookies.Where(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            .Select(c => Uri.UnescapeDataString(c[(name.Length + 1)..c.IndexOf(';', StringComparison.Ordinal)])).FirstOrDefault();
        return (Value("drain_ui_session"), Value("drain_ui_csrf"), response);
    }

    private HttpClient CookieClient(string? session, string? csrf, string? header = null)
    {
        var client = server.Client(server.BaseAddress, null, new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"drain_ui_session={Uri.EscapeDataString(session ?? string.Empty)}; drain_ui_csrf={csrf}");
        if (header is not null)
        {
            client.DefaultRequestHeaders.Add("X-Drain-Csrf", header);
        }

        return client;
    }
}
