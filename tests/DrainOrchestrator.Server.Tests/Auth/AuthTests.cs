using System.Net;
using System.Text.Json;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Auth;

[Collection(ServerCollection.Name)]
public sealed class AuthTests(ServerFixture server)
{
    [Fact]
    public async Task Drains_WithoutToken_Is401ProblemAndHealthNeedsNone()
    {
        using var anonymous = server.Client(null);
        using var response = await anonymous.GetAsync("/api/v1/drains");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Theory]
    [InlineData(null, null, "this needs credentials: send Authorization: Bearer TOKEN")]
    [InlineData("Basic", "YTpi", "the Authorization header must be Bearer TOKEN")]
    [InlineData("Bearer", "not-a-token-of-the-file", "the bearer token is not in the server's tokens file")]
    public async Task Drains_WithoutOrWithUnknownCredentials_Is401SayingWhichAndWhatToSend(string? scheme, string? value, string detail)
    {
        using var client = server.Client(null);
        if (scheme is not null)
        {
            client.DefaultRequestHeaders.Authorization = new(scheme, value);
        }

        using var response = await client.GetAsync("/api/v1/drains");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.StartsWith(detail, (await Support.Api.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDrain_AsViewer_Is403AndViewerMayRead()
    {
        using var viewer = server.Client("alice");
        using var response = await viewer.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-4"]}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("the caller's role (viewer) may not do this",
            (await Support.Api.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/drains")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/clusters")).StatusCode);
    }

    [Fact]
    public async Task Cancel_ByOperator_IsJournaledUnderTheOperatorsName()
    {
        using var olga = server.Client("olga");
        using var bob = server.Client("bob");
        using var created = await olga.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-1"],"name":"auth-cancel"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var drain = await Support.Api.ReadAsync<DrainView>(created);
        Assert.Equal("api/olga", drain.RequestedBy);

        using var cancelled = await bob.PostAsync("/api/v1/drains/auth-cancel/cancel", null);
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, $"{cancelled.StatusCode}: {await cancelled.Content.ReadAsStringAsync()}");
        var journal = await Support.Api.ReadAsync<JournalPage>(await bob.GetAsync($"/api/v1/drains/{drain.Id}/journal?limit=10000"));
        Assert.Contains(journal.Items, e => e.Kind == "signal.cancel" && e.Actor == "api/bob");
        var ended = await Support.Api.WaitFinishedAsync(bob, drain.Id, TimeSpan.FromMinutes(3));
        // A cancel the engine reads only after the last VM moved cannot undo the drain: it ends succeeded then.
        Assert.Contains(ended.State, new[] { DrainStatus.Cancelled, DrainStatus.Succeeded });
    }

    [Fact]
    public async Task Logs_AfterAuthenticatedAndRejectedCalls_ContainNoToken()
    {
        foreach (var user in server.Tokens.Keys)
        {
            using var client = server.Client(user);
            await client.GetAsync("/api/v1/drains");
            await client.PostAsync("/api/v1/plans", Support.Api.Json("""{"nodes":["nope"]}"""));
        }

        var log = server.Log.Text;
        Assert.NotEmpty(log);
        foreach (var (name, token) in server.Tokens)
        {
            Assert.False(log.Contains(token, StringComparison.Ordinal), $"the log holds {name}'s token");
            Assert.False(log.Contains(token[..12], StringComparison.Ordinal), $"the log holds part of {name}'s token");
        }

        Assert.DoesNotContain(JsonSerializer.Serialize(server.Tokens.Values), log, StringComparison.Ordinal);
    }
}
