using System.Globalization;
using System.Net;
using DrainOrchestrator.Server.Limits;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Limits;

/// <summary>A server with small limits: bodies above the limit get 413, callers above their rate 429 with Retry-After.</summary>
[Collection(ServerCollection.Name)]
public sealed class ApiLimitTests(ServerFixture fixture)
{
    [Fact]
    public async Task CreateDrain_BodyLargerThanTheLimit_Is413NamingTheLimitAndStartsNothing()
    {
        var server = await fixture.StartServerAsync(o => o.Limits = new ApiLimitOptions { MaxRequestBodyBytes = 2048 });
        try
        {
            using var client = fixture.Client(server.BaseAddress, "olga");
            var padding = new string('x', 4096);
            using var response = await client.PostAsync("/api/v1/drains", Support.Api.Json($$"""{"nodes":["src-5"],"name":"{{padding}}"}"""));

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = await Support.Api.ReadJsonAsync(response);
            Assert.EndsWith("/request-too-large", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Contains("2048 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("--max-request-body-bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.False(problem.GetProperty("retryable").GetBoolean());
            using var list = await client.GetAsync("/api/v1/drains");
            Assert.DoesNotContain("src-5", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var small = await client.PostAsync("/api/v1/plans", Support.Api.Json("""{"nodes":["src-5"]}"""));
            Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, small.StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Requests_AboveOneCallersRate_Are429WithRetryAfter_OtherCallersAndProbesUnaffected()
    {
        var server = await fixture.StartServerAsync(o => o.Limits = new ApiLimitOptions { RequestsPerSecond = 1, Burst = 3 });
        try
        {
            using var alice = fixture.Client(server.BaseAddress, "alice");
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => alice.GetAsync("/api/v1/drains")));
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

            Assert.NotEmpty(limited);
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            var retryAfter = limited[0].Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            var problem = await Support.Api.ReadJsonAsync(limited[0]);
            Assert.EndsWith("/rate-limited", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.True(problem.GetProperty("retryable").GetBoolean());

            // Another caller has a bucket of its own, and the probes are never limited.
            using var bob = fixture.Client(server.BaseAddress, "bob");
            using var bobs = await bob.GetAsync("/api/v1/drains");
            Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
            using var anonymous = fixture.Client(server.BaseAddress, null);
            var probes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => anonymous.GetAsync("/healthz")));
            Assert.All(probes, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));

            // Each refusal is counted, by method, for the alert on abusive clients (deploy/'s PrometheusRule).
            var metrics = await anonymous.GetStringAsync("/metrics");
            var counted = metrics.Split('\n').Where(l => l.StartsWith("drain_orchestrator_api_rate_limited_total{", StringComparison.Ordinal)
                && l.Contains("method=\"GET\"", StringComparison.Ordinal)).Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            Assert.True(counted >= limited.Count, $"drain_orchestrator_api_rate_limited_total counted {counted} of {limited.Count} refusals:\n{metrics}");
            foreach (var response in responses.Concat(probes))
            {
                response.Dispose();
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
