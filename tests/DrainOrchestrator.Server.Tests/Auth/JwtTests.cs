using System.Net;
using System.Net.Http.Headers;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Auth;

/// <summary>
/// OIDC JWTs through JwtBearer, from a fake issuer on loopback (discovery and JWKS over plain HTTP, allowed for
/// loopback only). The server reads roles from <c>groups</c> here, not the default <c>roles</c>, so a test that passes
/// shows the claim name is the configured one.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class JwtTests(ServerFixture fixture)
{
    [Fact]
    public async Task ViewerJwt_Reads_AndIsRefused403OnPost_AndFileTokensStillWork()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var server = await StartServerAsync(issuer, "groups");
        using var viewer = Client(server, issuer.Mint(Claims("vera", groups: ["viewer"])));
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await viewer.GetAsync("/api/v1/drains"));
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await viewer.GetAsync("/api/v1/clusters"));
        using var post = await viewer.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-6"]}"""));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/drains/anything/cancel", null)).StatusCode);

        using var alice = fixture.Client(server.BaseAddress, "alice");
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await alice.GetAsync("/api/v1/drains"));

        // The dashboard takes the JWT as a header, and from the cookie of its login form.
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await viewer.GetAsync("/hangfire"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/hangfire/jobs/scheduled/delete", null)).StatusCode);
        using var browser = fixture.Client(server.BaseAddress, null, new HttpClientHandler { CookieContainer = new CookieContainer() });
        using var login = await browser.PostAsync("/hangfire/login",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("token", issuer.Mint(Claims("vera", groups: ["viewer"])))]));
        await Support.Api.ExpectAsync(HttpStatusCode.OK, login);
        Assert.Equal("/hangfire", login.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task OperatorJwt_CreateAndCancel_AreJournaledUnderTheSubjects()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var server = await StartServerAsync(issuer, "groups");
        using var dave = Client(server, issuer.Mint(Claims("dave", groups: ["operator"])));
        using var carol = Client(server, issuer.Mint(Claims("carol", groups: ["staff", "operator"])));
        using var created = await dave.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-6"],"name":"jwt-cancel"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var drain = await Support.Api.ReadAsync<DrainView>(created);
        Assert.Equal("api/dave", drain.RequestedBy);

        using var cancelled = await carol.PostAsync("/api/v1/drains/jwt-cancel/cancel", null);
        await Support.Api.ExpectAsync(HttpStatusCode.OK, cancelled);
        var journal = await Support.Api.ReadAsync<JournalPage>(await carol.GetAsync($"/api/v1/drains/{drain.Id}/journal?limit=10000"));
        Assert.Contains(journal.Items, e => e.Kind == "signal.cancel" && e.Actor == "api/carol");
        var ended = await Support.Api.WaitFinishedAsync(carol, drain.Id, TimeSpan.FromMinutes(3));
        Assert.Equal(DrainStatus.Cancelled, ended.State);
    }

    [Fact]
    public async Task AdminJwt_ThatIsNotValid_Is401()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var server = await StartServerAsync(issuer, "groups");
        var claims = Claims("mallory", groups: ["admin"]);
        using (var valid = Client(server, issuer.Mint(claims)))
        {
            await Support.Api.ExpectAsync(HttpStatusCode.OK, await valid.GetAsync("/api/v1/drains"));
        }

        var flawed = new Dictionary<string, string>
        {
            ["wrong audience"] = issuer.Mint(claims, audience: "another-api"),
            ["expired"] = issuer.Mint(claims, lifetime: TimeSpan.FromMinutes(-10)),
            ["signed by another key"] = issuer.Mint(claims, forged: true),
            ["another issuer"] = issuer.Mint(claims, issuer: "https://issuer.invalid"),
            ["not a JWT"] = "not-a-jwt.at.all",
        };
        foreach (var (flaw, token) in flawed)
        {
            using var client = Client(server, token);
            using var response = await client.GetAsync("/api/v1/drains");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{flaw}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task RoleClaim_IsTheConfiguredOne_NotTheDefaultRoles()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var server = await StartServerAsync(issuer, "groups");
        var claims = Claims("rita", groups: ["viewer"]);
        claims["roles"] = new[] { "admin" };
        using var client = Client(server, issuer.Mint(claims));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/drains/anything/cancel", null)).StatusCode);
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await client.GetAsync("/api/v1/drains"));

        using var none = Client(server, issuer.Mint(Claims("nobody", groups: ["staff"])));
        Assert.Equal(HttpStatusCode.Forbidden, (await none.GetAsync("/api/v1/drains")).StatusCode);
    }

    [Fact]
    public async Task NestedRoleClaim_LikeKeycloaksRealmAccessRoles_GivesTheRole()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var server = await StartServerAsync(issuer, "realm_access.roles");
        var claims = Claims("kim");
        claims["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "offline_access", "operator" } };
        using var kim = Client(server, issuer.Mint(claims));
        // Operator passes authorization: the drain is unknown (404), not forbidden (403).
        Assert.Equal(HttpStatusCode.NotFound, (await kim.PostAsync("/api/v1/drains/no-such-drain/cancel", null)).StatusCode);

        var viewerClaims = Claims("vic");
        viewerClaims["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "viewer" } };
        using var vic = Client(server, issuer.Mint(viewerClaims));
        Assert.Equal(HttpStatusCode.Forbidden, (await vic.PostAsync("/api/v1/drains/no-such-drain/cancel", null)).StatusCode);
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await vic.GetAsync("/api/v1/drains"));
    }

    [Fact]
    public async Task Logs_AfterJwtCalls_ContainNoJwt()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var server = await StartServerAsync(issuer, "groups");
        var tokens = new[]
        {
            issuer.Mint(Claims("lena", groups: ["operator"])),
            issuer.Mint(Claims("lena", groups: ["operator"]), forged: true),
            issuer.Mint(Claims("lena", groups: ["operator"]), lifetime: TimeSpan.FromMinutes(-10)),
        };
        foreach (var token in tokens)
        {
            using var client = Client(server, token);
            await client.GetAsync("/api/v1/drains");
            await client.PostAsync("/api/v1/plans", Support.Api.Json("""{"nodes":["nope"]}"""));
        }

        var log = server.Log.Text;
        Assert.NotEmpty(log);
        foreach (var token in tokens)
        {
            var signature = token[(token.LastIndexOf('.') + 1)..];
            Assert.DoesNotContain(signature, log, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[1], log, StringComparison.Ordinal);
        }
    }

    private Task<InProcessServer> StartServerAsync(FakeOidcIssuer issuer, string roleClaim) =>
        fixture.StartServerAsync(o => Configure(o, issuer, roleClaim));

    private static void Configure(ServeOptions options, FakeOidcIssuer issuer, string roleClaim)
    {
        options.JwtAuthority = issuer.Authority;
        options.JwtAudience = FakeOidcIssuer.Audience;
        options.JwtRoleClaim = roleClaim;
    }

    private static Dictionary<string, object> Claims(string subject, string[]? groups = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["preferred_username"] = subject + "@example" };
        if (groups is not null)
        {
            claims["groups"] = groups;
        }

        return claims;
    }

    private static HttpClient Client(InProcessServer server, string token)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
