using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

public sealed class ListWatchTests
{
    private static readonly ListWatchOptions Options = new() { PageSize = null, WatchTimeout = TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task ListAndWatchAsync_WatchEndsAfterABookmark_ResumesFromTheBookmark()
    {
        var watches = 0;
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "10", [WireJson.Vmi("a", "w1", 9)]));
                return;
            }

            await exchange.StartStreamAsync();
            if (Interlocked.Increment(ref watches) == 1)
            {
                // The server's timeout: the stream ends cleanly after a change and a bookmark.
                await exchange.WriteRawAsync(WireJson.Event("ADDED", WireJson.Vmi("b", "w1", 11)) + WireJson.Bookmark(15));
                return;
            }

            await exchange.WriteRawAsync(WireJson.Event("MODIFIED", WireJson.Vmi("b", "w2", 16)));
            await exchange.HoldOpenAsync();
        });
        var token = TestTimeout.Token;
        await using var events = fixture.Client.ListAndWatchAsync<VirtualMachineInstance>(null, Options, token).GetAsyncEnumerator(token);

        var listed = await Next(events);
        var added = await Next(events);
        var modified = await Next(events);

        Assert.Equal(ListWatchEventType.Listed, listed.Type);
        Assert.False(listed.IsRelist);
        Assert.Equal("a", Assert.Single(listed.Items).Metadata.Name);
        Assert.Equal(ListWatchEventType.Added, added.Type);
        Assert.Equal(ListWatchEventType.Modified, modified.Type);
        Assert.Equal("16", modified.ResourceVersion);
        var targets = fixture.Server.Requests.Where(WireJson.IsWatch).Select(r => r.Target).ToList();
        Assert.Contains("resourceVersion=10&allowWatchBookmarks=true", targets[0], StringComparison.Ordinal);
        Assert.Contains("resourceVersion=15&allowWatchBookmarks=true", targets[1], StringComparison.Ordinal);
        Assert.Single(fixture.Server.Requests, r => !WireJson.IsWatch(r));
    }

    [Fact]
    public async Task ListAndWatchAsync_ConnectionResetAfterEvents_ReconnectsAtOnceFromTheLastVersion()
    {
        var watches = 0;
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "10", []));
                return;
            }

            await exchange.StartStreamAsync();
            if (Interlocked.Increment(ref watches) == 1)
            {
                await exchange.WriteRawAsync(WireJson.Event("ADDED", WireJson.Vmi("b", "w1", 11)) + "{\"type\":\"MODI");
                await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
                exchange.Reset();
                return;
            }

            await exchange.WriteRawAsync(WireJson.Event("DELETED", WireJson.Vmi("b", "w1", 12)));
            await exchange.HoldOpenAsync();
        });
        var token = TestTimeout.Token;
        await using var events = fixture.Client.ListAndWatchAsync<VirtualMachineInstance>(null, Options, token).GetAsyncEnumerator(token);

        Assert.Equal(ListWatchEventType.Listed, (await Next(events)).Type);
        Assert.Equal(ListWatchEventType.Added, (await Next(events)).Type);
        firstSeen.SetResult();
        var deleted = await Next(events);

        Assert.Equal(ListWatchEventType.Deleted, deleted.Type);
        var resumed = await fixture.Server.WaitForRequestAsync(WireJson.IsWatch, 2, token);
        Assert.Contains("resourceVersion=11", resumed.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndWatchAsync_Gone_ListsAgainAndWatchesFromTheNewList()
    {
        var lists = 0;
        var watches = 0;
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, Interlocked.Increment(ref lists) == 1
                    ? WireJson.List("VirtualMachineInstanceList", "10", [WireJson.Vmi("a", "w1", 9)])
                    : WireJson.List("VirtualMachineInstanceList", "20", [WireJson.Vmi("a", "w1", 9), WireJson.Vmi("c", "w3", 19)]));
                return;
            }

            await exchange.StartStreamAsync();
            if (Interlocked.Increment(ref watches) == 1)
            {
                // The watch ran a while, then its version was compacted away.
                await exchange.WriteRawAsync(WireJson.Event("ADDED", WireJson.Vmi("b", "w2", 11)) + WireJson.Expired(11));
                return;
            }

            await exchange.HoldOpenAsync();
        });
        var token = TestTimeout.Token;
        await using var events = fixture.Client.ListAndWatchAsync<VirtualMachineInstance>(null, Options, token).GetAsyncEnumerator(token);

        var first = await Next(events);
        Assert.Equal(ListWatchEventType.Added, (await Next(events)).Type);
        var relisted = await Next(events);

        Assert.False(first.IsRelist);
        Assert.Equal(ListWatchEventType.Listed, relisted.Type);
        Assert.True(relisted.IsRelist);
        Assert.Equal(["a", "c"], relisted.Items.Select(v => v.Metadata.Name));
        Assert.Equal("20", relisted.ResourceVersion);
        var second = await fixture.Server.WaitForRequestAsync(WireJson.IsWatch, 2, token);
        Assert.Contains("resourceVersion=20", second.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndWatchAsync_WatchKeepsFailing_BacksOffOnTheClockThenRecovers()
    {
        var watches = 0;
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "10", []));
                return;
            }

            if (Interlocked.Increment(ref watches) <= 2)
            {
                await exchange.RespondAsync(503, "apiserver is shutting down");
                return;
            }

            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync(WireJson.Event("ADDED", WireJson.Vmi("b", "w1", 11)));
            await exchange.HoldOpenAsync();
        });
        var token = TestTimeout.Token;
        await using var events = fixture.Client.ListAndWatchAsync<VirtualMachineInstance>(null,
            Options with { ReconnectBaseDelay = TimeSpan.FromSeconds(1) }, token).GetAsyncEnumerator(token);

        Assert.Equal(ListWatchEventType.Listed, (await Next(events)).Type);

        // The first failure right after a list counts as progress; the second waits on the clock.
        var delay = await fixture.Time.AdvanceToNextTimerAsync(token, atMost: TimeSpan.FromMinutes(1));
        var added = await Next(events);

        Assert.Equal(ListWatchEventType.Added, added.Type);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(3, fixture.Server.Requests.Count(WireJson.IsWatch));
    }

    [Fact]
    public async Task ListAndWatchAsync_Forbidden_EndsWithThePermanentError()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(403,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","message":"cannot list nodes","code":403}"""));

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var unused in fixture.Client.ListAndWatchAsync<Node>(null, Options, TestTimeout.Token))
            {
            }
        });

        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        Assert.Equal(1, fixture.Server.RequestCount);
    }

    private static async Task<ListWatchEvent<VirtualMachineInstance>> Next(IAsyncEnumerator<ListWatchEvent<VirtualMachineInstance>> events)
    {
        Assert.True(await events.MoveNextAsync());
        return events.Current;
    }
}
