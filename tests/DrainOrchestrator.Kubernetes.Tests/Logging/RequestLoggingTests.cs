using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Client;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Kubernetes.Tests.Logging;

public sealed class RequestLoggingTests
{
    [Fact]
    public async Task Requests_LoggedAtDebugWithMethodPathStatusAndDuration_NeverTheToken()
    {
        var logs = new CapturingLoggerProvider();
        var calls = 0;
        await using var fixture = new ClientFixture((_, exchange) => Interlocked.Increment(ref calls) == 1
            ? exchange.RespondAsync(500, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"InternalError","code":500}""")
            : exchange.RespondAsync(200, """{"kind":"Node","apiVersion":"v1","metadata":{"name":"n"}}"""),
            new KubernetesClientOptions { LoggerFactory = logs, Retry = new KubernetesRetryOptions { MaxAttempts = 2 } });
        var token = TestTimeout.Token;

        var get = fixture.Client.GetAsync<Node>(null, "n", token);
        await fixture.Time.AdvanceToNextTimerAsync(token);
        await get;

        var records = logs.Records;
        var requests = records.Where(r => r.EventId.Id == 4001).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(LogLevel.Debug, r.Level));
        Assert.StartsWith("GET /api/v1/nodes/n -> 500 in ", requests[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("GET /api/v1/nodes/n -> 200 in ", requests[1].Message, StringComparison.Ordinal);
        Assert.Contains(records, r => r.EventId.Id == 4003 && r.Message.Contains("retry 1", StringComparison.Ordinal));
        Assert.Equal("Bearer " + ClientFixture.Token, fixture.Server.Requests[0].Header("Authorization"));
        Assert.All(records, r =>
        {
            Assert.DoesNotContain(ClientFixture.Token, r.Everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", r.Everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Authorization", r.Everything, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task TransportFailure_LoggedWithoutTheToken()
    {
        var logs = new CapturingLoggerProvider();
        await using var fixture = new ClientFixture((_, exchange) =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        }, new KubernetesClientOptions { LoggerFactory = logs, Retry = KubernetesRetryOptions.None });

        await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.GetAsync<Node>(null, "n", TestTimeout.Token));

        var failed = Assert.Single(logs.Records, r => r.EventId.Id == 4002);
        Assert.StartsWith("GET /api/v1/nodes/n -> no response", failed.Message, StringComparison.Ordinal);
        Assert.All(logs.Records, r => Assert.DoesNotContain(ClientFixture.Token, r.Everything, StringComparison.Ordinal));
    }
}
