using System.Net;
using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

public sealed class ListWatchRefusalTests
{
    private const string Forbidden =
        """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","message":"cannot watch vmis","code":403}""";

    [Fact]
    public async Task ListAndWatchAsync_ForbiddenAfterTheFirstList_BacksOffReportsItAndListsAgainOnceAllowed()
    {
        var requests = 0;
        var allowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            var n = Interlocked.Increment(ref requests);
            if (n == 1)
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "10", [WireJson.Vmi("a", "w1", 9)]));
                return;
            }

            if (!allowed.Task.IsCompleted)
            {
                await exchange.RespondAsync(403, Forbidden);
                return;
            }

            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "20",
                    [WireJson.Vmi("a", "w1", 9), WireJson.Vmi("b", "w2", 19)]));
                return;
            }

            await exchange.StartStreamAsync();
            await exchange.HoldOpenAsync();
        });
        var token = TestTimeout.Token;
        var health = new ListWatchHealth();
        var options = new ListWatchOptions { PageSize = null, ReconnectBaseDelay = TimeSpan.FromSeconds(1), Health = health };
        await using var events = fixture.Client.ListAndWatchAsync<VirtualMachineInstance>(null, options, token).GetAsyncEnumerator(token);

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(ListWatchEventType.Listed, events.Current.Type);

        // Refused twice (the watch, then the list it falls back to): each waits on the clock and neither ends the stream.
        var failedAt = fixture.Time.GetUtcNow();
        await fixture.Time.AdvanceToNextTimerAsync(token, atMost: TimeSpan.FromMinutes(1));
        await fixture.Time.NextTimerAsync(TimeSpan.FromMinutes(1), token);
        var refused = health.Status;
        allowed.SetResult();
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await events.MoveNextAsync());
        var relisted = events.Current;

        Assert.False(refused.InSync);
        Assert.Equal(HttpStatusCode.Forbidden, refused.LastStatusCode);
        Assert.Equal(failedAt, refused.FailingSince);
        Assert.True(refused.Failures >= 2, $"failures: {refused.Failures}");
        Assert.True(refused.StalenessAt(failedAt + TimeSpan.FromSeconds(5)) >= TimeSpan.FromSeconds(5));
        Assert.Equal(ListWatchEventType.Listed, relisted.Type);
        Assert.True(relisted.IsRelist);
        Assert.Equal(["a", "b"], relisted.Items.Select(v => v.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.True(health.Status.InSync);
        Assert.Null(health.Status.FailingSince);
        Assert.Equal(TimeSpan.Zero, health.Status.StalenessAt(fixture.Time.GetUtcNow()));
    }
}
