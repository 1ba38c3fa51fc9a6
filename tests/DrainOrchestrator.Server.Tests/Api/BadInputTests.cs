using System.Net;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture server)
{
    [Fact]
    public async Task CreateDrain_MalformedJson_Is400AndStartsNothing()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        using var response = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes": ["src-3",}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Support.Api.ReadJsonAsync(response);
        Assert.Contains("not valid JSON", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task CreateDrain_EveryKindOfProblemAtOnce_Is400ListingEachAndStartsNothing()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        using var response = await client.PostAsync("/api/v1/drains", Support.Api.Json("""
            {"nodes": ["src-3", "no-such-node"], "colour": "blue",
             "policy": {"maxParallel": 0, "maxAttempts": "three", "speed": 2, "waveMode": "sideways"}}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Support.Api.ReadJsonAsync(response);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("colour", fields);
        Assert.Contains("policy.maxAttempts", fields);
        Assert.Contains("policy.speed", fields);
        Assert.Contains("policy.waveMode", fields);
        Assert.Contains("policy.maxParallel", fields);
        Assert.Contains("nodes[1]", fields);
        Assert.False(problem.GetProperty("retryable").GetBoolean());
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task CreateDrain_OutOfRangeAndUnknownNodeOnly_Is400WithBoth()
    {
        using var client = server.Client("olga");
        using var response = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes": ["ghost"], "policy": {"maxAttempts": 0}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("nodes[0]", fields);
        Assert.Contains("policy.maxAttempts", fields);
    }

    [Fact]
    public async Task CreateDrain_RetriedWithSameIdempotencyKey_ReturnsTheFirstDrain()
    {
        using var client = server.Client("olga");
        var key = Guid.NewGuid().ToString("N");
        async Task<(HttpResponseMessage Response, DrainView Drain)> PostAsync(HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/drains")
            {
                Content = Support.Api.Json("""{"nodes":["src-3"],"name":"idempotent","policy":{"maxParallel":1}}"""),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            await Support.Api.ExpectAsync(expected, response);
            return (response, await Support.Api.ReadAsync<DrainView>(response));
        }

        // 202 for the new drain, 200 with the same drain for the retry.
        var (first, drain) = await PostAsync(HttpStatusCode.Accepted);
        var (second, again) = await PostAsync(HttpStatusCode.OK);
        Assert.Equal(drain.Id, again.Id);
        Assert.Equal($"/api/v1/drains/{drain.Id:D}", first.Headers.Location?.ToString());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await Support.Api.ReadAsync<DrainPage>(await client.GetAsync("/api/v1/drains?node=src-3&limit=500"));
        Assert.Single(page.Items, d => d.Name == "idempotent");

        // The same key for other nodes is refused, naming the drain it was used for; nothing new is recorded.
        using var reused = new HttpRequestMessage(HttpMethod.Post, "/api/v1/drains") { Content = Support.Api.Json("""{"nodes":["src-4"]}""") };
        reused.Headers.Add("Idempotency-Key", key);
        using var refused = await client.SendAsync(reused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await Support.Api.ReadJsonAsync(refused)).GetProperty("errors")[0];
        Assert.Equal("Idempotency-Key", problem.GetProperty("field").GetString());
        Assert.Contains("was used for drain idempotent of src-3; this request names src-4", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        await client.PostAsync($"/api/v1/drains/{drain.Id}/cancel", null);
        await Support.Api.WaitFinishedAsync(client, drain.Id, TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task CreateDrainAndPlan_AMemberNamedTwice_Is400NotAMerge()
    {
        using var client = server.Client("olga");

        using var drain = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-3"],"nodes":["src-4"]}"""));
        using var plan = await client.PostAsync("/api/v1/plans", Support.Api.Json("""{"nodes":["src-3"],"policy":{"maxParallel":1},"policy":{}}"""));

        foreach (var response in new[] { drain, plan })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString();
            Assert.StartsWith("the body names a member twice", message, StringComparison.Ordinal);
            // No empty position ("line , byte ; )") where the reader gave none.
            Assert.DoesNotContain("line ,", message, StringComparison.Ordinal);
            Assert.DoesNotContain("()", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CreateDrain_NestedPastTheReadersDepth_Is400SayingSo()
    {
        using var client = server.Client("olga");
        var deep = """{"nodes":["src-3"],"policy":""" + new string('[', 70) + new string(']', 70) + "}";

        using var response = await client.PostAsync("/api/v1/drains", Support.Api.Json(deep));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("the body nests deeper than 64 levels",
            (await Support.Api.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDrain_NotJson_Is415SayingWhatToSend()
    {
        using var client = server.Client("olga");
        using var response = await client.PostAsync("/api/v1/drains", new StringContent("""{"nodes":["src-3"]}""", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Support.Api.ReadJsonAsync(response);
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("text/plain", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.GetProperty("retryable").GetBoolean());
    }

    [Fact]
    public async Task CreateDrain_AWindow_Is400SayingWhereWindowsGo()
    {
        // A drain started here runs until it ends: a window in its request was accepted and silently ignored.
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        using var response = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-3"],"window":{"end":"2020-01-01T00:00:00Z"}}"""));

        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, response);
        var problem = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal("window", problem.GetProperty("field").GetString());
        Assert.Contains("POST /api/v1/schedules", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task CreateDrain_ANameWithASlash_Is400BeforeAnythingStarts()
    {
        // A drain named "a/b" could be created but never read, followed or cancelled by name: /api/v1/drains/a%2Fb is not it.
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        using var response = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-3"],"name":"maint/2026"}"""));

        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, response);
        var problem = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal("name", problem.GetProperty("field").GetString());
        Assert.Contains("must not contain '/'", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Theory]
    [InlineData("/api/v1/drains?node=%00", "node")]
    [InlineData("/api/v1/drains?node=src%001", "node")]
    public async Task ListDrains_ANulInAQueryValue_Is400NamingItNotAnOutage(string url, string field)
    {
        using var client = server.Client("alice");
        using var response = await client.GetAsync(url);

        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, response);
        Assert.False(response.Headers.Contains("Retry-After"));
        var problem = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains("NUL character", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/drains?limit=abc", "limit", "limit must be a whole number, was 'abc'")]
    [InlineData("/api/v1/drains?active=maybe", "active", "active must be true or false, was 'maybe'")]
    public async Task ListDrains_AQueryValueOfTheWrongType_Is400NamingIt(string url, string field, string message)
    {
        using var client = server.Client("alice");
        using var response = await client.GetAsync(url);

        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal((field, message), (problem.GetProperty("field").GetString(), problem.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task GetDrain_Unknown_Is404Problem()
    {
        using var client = server.Client("alice");
        using var response = await client.GetAsync("/api/v1/drains/no-such-drain");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Plan_AskedInCommandLineTerms_NamesDrainctlsOptions()
    {
        using var client = server.Client("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = Support.Api.Json("""{"nodes":["src-4"],"policy":{"maxAttempts":0}}""") };
        request.Headers.Add("X-Drain-Terms", "command-line");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("--max-attempts", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_TargetPreferenceUnknownOwnOrBothAvoidedAndPreferred_Is400ListingEach()
    {
        using var client = server.Client("alice");
        using var response = await client.PostAsync("/api/v1/plans", Support.Api.Json(
            """{"nodes":["src-4"],"avoidTargets":["ghost","src-4","src-5"],"preferTargets":["src-5"]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Contains("does not exist", errors["avoidTargets[0]"], StringComparison.Ordinal);
        Assert.Contains("drained by this drain", errors["avoidTargets[1]"], StringComparison.Ordinal);
        Assert.Contains("also in preferTargets", errors["avoidTargets[2]"], StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await Support.Api.ReadAsync<DrainPage>(await client.GetAsync("/api/v1/drains?limit=500"))).Items.Count;
}
