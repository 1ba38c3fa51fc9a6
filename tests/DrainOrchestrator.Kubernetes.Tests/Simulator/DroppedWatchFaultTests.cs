using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>
/// Watches the simulator cuts (connection aborted): a single watch fails with verdict BackOff; list-watches and
/// informers resume from the last version seen, losing nothing and listing only once.
/// </summary>
public sealed class DroppedWatchFaultTests(SimulatorHost host) : IClassFixture<SimulatorHost>, IAsyncLifetime
{
    private static readonly ApiFault DropLeaseWatches = new("leases", "watch") { DropWatchAfter = TimeSpan.FromMilliseconds(300) };

    private static readonly ListWatchOptions QuickReconnects = new()
    {
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    public async Task InitializeAsync()
    {
        await host.Admin.ClearFaultsAsync(CancellationToken.None);
        await host.Admin.ResetRequestCountsAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    [Fact]
    public async Task WatchAsync_DroppedByTheServer_FailsWithBackOffVerdictAfterTheEventsBeforeTheCut()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var ns = await client.CreateNamespaceAsync("dropped-watch", token);
        var list = await client.ListAsync<Lease>(ns, null, token);
        await client.CreateAsync(TestObjects.Lease(ns, "before-cut", "drain-a"), token);
        await host.Admin.SetFaultsAsync(token, DropLeaseWatches);
        var received = new List<WatchEvent<Lease>>();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var watchEvent in client.WatchAsync<Lease>(ns,
                new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowBookmarks = false }, token))
            {
                received.Add(watchEvent);
            }
        });

        Assert.Equal(["ADDED before-cut"], received.Describe());
        Assert.Null(ex.StatusCode);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
    }

    [Fact]
    public async Task ListAndWatchAsync_WatchesDropped_ResumesWithoutRelistingAndDeliversLaterChanges()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("dropped-list-watch", stop.Token);
        await host.Admin.SetFaultsAsync(stop.Token, DropLeaseWatches);
        await using var steps = client.ListAndWatchAsync<Lease>(ns, QuickReconnects, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await steps.MoveNextAsync());
        Assert.Equal(ListWatchEventType.Listed, steps.Current.Type);

        // Two watches cut, a third one open: the list-watch has reconnected twice.
        await host.Admin.WaitForRequestsAsync("watch", "leases", after: 2, stop.Token);
        await client.CreateAsync(TestObjects.Lease(ns, "after-drops", "drain-a"), stop.Token);
        Assert.True(await steps.MoveNextAsync());

        Assert.Equal("Added after-drops", steps.Current.Describe());
        Assert.Equal(1, await host.Admin.RequestCountAsync("list", "leases", stop.Token));
    }

    [Fact]
    public async Task Informer_WatchesDropped_StaysCurrentWithoutRelisting()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("dropped-informer", stop.Token);
        await client.CreateAsync(TestObjects.Lease(ns, "present", "drain-a"), stop.Token);
        await host.Admin.SetFaultsAsync(stop.Token, DropLeaseWatches);
        var informer = new Informer<Lease>(client, new InformerOptions { Namespace = ns, ListWatch = QuickReconnects });
        using var changes = informer.Subscribe();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);

        await host.Admin.WaitForRequestsAsync("watch", "leases", after: 2, stop.Token);
        await client.PatchAsync<Lease>(ns, "present", PatchType.Merge, """{"spec":{"holderIdentity":"drain-b"}}""", stop.Token);
        var change = await changes.Changes.ReadAsync(stop.Token);

        Assert.Equal((InformerChangeType.Modified, $"{ns}/present"), (change.Type, change.Key));
        Assert.Equal("drain-b", informer.Snapshot.Get(ns, "present")!.Spec!.HolderIdentity);
        Assert.Equal(1, await host.Admin.RequestCountAsync("list", "leases", stop.Token));
        await stop.CancelAsync();
        await run;
    }
}
