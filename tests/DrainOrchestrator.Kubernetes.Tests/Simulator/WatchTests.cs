using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>Single watches against the simulator: from a resourceVersion, resumed, with bookmarks, expired, timed out.</summary>
public sealed class WatchTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Fact]
    public async Task WatchAsync_FromAListsResourceVersion_ReplaysLaterChangesInCommitOrder()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var ns = await client.CreateNamespaceAsync("watch-replay", token);
        var list = await client.ListAsync<Lease>(ns, null, token);
        await client.CreateAsync(TestObjects.Lease(ns, "a", "drain-a"), token);
        await client.PatchAsync<Lease>(ns, "a", PatchType.Merge, """{"spec":{"holderIdentity":"drain-b"}}""", token);
        await client.DeleteAsync<Lease>(ns, "a", null, token);

        var events = await client.WatchAsync<Lease>(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, token)
            .TakeChangesAsync(3, token);

        Assert.Equal(["ADDED a", "MODIFIED a", "DELETED a"], events.Describe());
        Assert.Equal("drain-b", events[1].Object!.Spec!.HolderIdentity);
        var versions = events.Select(e => long.Parse(e.Object!.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task WatchAsync_ResumedFromTheLastSeenVersion_DeliversOnlyWhatCameAfter()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var ns = await client.CreateNamespaceAsync("watch-resume", token);
        var list = await client.ListAsync<Lease>(ns, null, token);
        await client.CreateAsync(TestObjects.Lease(ns, "before", "drain-a"), token);
        var first = await client.WatchAsync<Lease>(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, token)
            .TakeChangesAsync(1, token);

        await client.CreateAsync(TestObjects.Lease(ns, "while-away-1", "drain-a"), token);
        await client.CreateAsync(TestObjects.Lease(ns, "while-away-2", "drain-a"), token);
        var resumed = await client.WatchAsync<Lease>(ns, new WatchOptions { ResourceVersion = first[0].Object!.Metadata.ResourceVersion }, token)
            .TakeChangesAsync(2, token);

        Assert.Equal(["ADDED before"], first.Describe());
        Assert.Equal(["ADDED while-away-1", "ADDED while-away-2"], resumed.Describe());
    }

    [Fact]
    public async Task WatchAsync_WithoutResourceVersion_StartsWithTheCurrentObjectsAsAdded()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;

        var events = await client.WatchAsync<Node>(null, new WatchOptions { LabelSelector = "rack=r1" }, token).TakeChangesAsync(2, token);

        Assert.Equal(["ADDED node-1", "ADDED node-2"], events.Describe().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WatchAsync_IdleWithBookmarksAllowed_SendsABookmarkAtTheCurrentVersion()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var ns = await client.CreateNamespaceAsync("watch-bookmark", token);
        var list = await client.ListAsync<Lease>(ns, null, token);

        WatchEvent<Lease>? bookmark = null;
        await foreach (var watchEvent in client.WatchAsync<Lease>(ns,
            new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowBookmarks = true }, token))
        {
            bookmark = watchEvent;
            break;
        }

        Assert.Equal(WatchEventTypes.Bookmark, bookmark!.Type);
        Assert.Equal("Lease", bookmark.Object!.Kind);
        var version = long.Parse(bookmark.Object.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(version >= long.Parse(list.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WatchAsync_LabelSelector_SeesAnObjectLeavingTheSelectionAsDeleted()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var ns = await client.CreateNamespaceAsync("watch-selector", token);
        var list = await client.ListAsync<Lease>(ns, null, token);
        await client.CreateAsync(TestObjects.Lease(ns, "owned", "drain-a", new Dictionary<string, string> { ["drain"] = "d1" }), token);
        await client.PatchAsync<Lease>(ns, "owned", PatchType.Merge, """{"metadata":{"labels":{"drain":"d2"}}}""", token);

        var events = await client.WatchAsync<Lease>(ns,
            new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, LabelSelector = "drain=d1" }, token).TakeChangesAsync(2, token);

        Assert.Equal(["ADDED owned", "DELETED owned"], events.Describe());
    }

    [Fact]
    public async Task WatchAsync_FromAVersionBeforeACompaction_FailsExpiredWithRelistVerdict()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var ns = await client.CreateNamespaceAsync("watch-expired", token);
        var list = await client.ListAsync<Lease>(ns, null, token);
        await client.CreateAsync(TestObjects.Lease(ns, "missed", "drain-a"), token);
        await host.Admin.CompactAsync(token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.WatchAsync<Lease>(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, token).TakeChangesAsync(1, token));

        Assert.Equal(HttpStatusCode.Gone, ex.StatusCode);
        Assert.Equal(KubernetesReasons.Expired, ex.Reason);
        Assert.Equal(RetryVerdict.Relist, ex.Verdict);
    }

    [Fact]
    public async Task WatchAsync_ServerSideTimeout_EndsTheStreamWithoutAnError()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var list = await client.ListAsync<Node>(null, null, token);
        var events = 0;

        await foreach (var watchEvent in client.WatchAsync<Node>(null,
            new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowBookmarks = false, Timeout = TimeSpan.FromSeconds(1) }, token))
        {
            events++;
        }

        Assert.Equal(0, events);
    }
}
