using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>List-then-watch against the simulator: watches the server ends are resumed, a compacted version leads to a relist.</summary>
public sealed class ListWatchTests(SimulatorHost host) : IClassFixture<SimulatorHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    public Task DisposeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    [Fact]
    public async Task ListAndWatchAsync_ServerEndsEachWatch_ResumesFromTheLastVersionWithoutListingAgain()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("lw-resume", stop.Token);
        await client.CreateAsync(TestObjects.Lease(ns, "initial", "drain-a"), stop.Token);
        var lists = await host.Admin.RequestCountAsync("list", "leases", stop.Token);
        var watches = await host.Admin.RequestCountAsync("watch", "leases", stop.Token);
        await using var steps = client.ListAndWatchAsync<Lease>(ns, Disconnection.ShortWatches, stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await steps.MoveNextAsync());
        var listed = steps.Current;
        await host.Admin.WaitForRequestsAsync("watch", "leases", after: watches + 1, stop.Token);
        await client.CreateAsync(TestObjects.Lease(ns, "after-resume", "drain-a"), stop.Token);
        Assert.True(await steps.MoveNextAsync());

        Assert.Equal(ListWatchEventType.Listed, listed.Type);
        Assert.Equal("initial", Assert.Single(listed.Items).Metadata.Name);
        Assert.Equal("Added after-resume", steps.Current.Describe());
        Assert.Equal(lists + 1, await host.Admin.RequestCountAsync("list", "leases", stop.Token));
    }

    [Fact]
    public async Task ListAndWatchAsync_ResumeVersionCompactedWhileDisconnected_RelistsWithWhatWasMissed()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("lw-relist", stop.Token);
        await client.CreateAsync(TestObjects.Lease(ns, "stays", "drain-a"), stop.Token);
        await client.CreateAsync(TestObjects.Lease(ns, "goes", "drain-a"), stop.Token);
        await using var steps = client.ListAndWatchAsync<Lease>(ns, Disconnection.ShortWatches, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await steps.MoveNextAsync());
        var listed = steps.Current;

        await Disconnection.ChangeWhileWatchesFailAsync(host.Admin, "leases", async () =>
        {
            await client.CreateAsync(TestObjects.Lease(ns, "came", "drain-a"), stop.Token);
            await client.DeleteAsync<Lease>(ns, "goes", null, stop.Token);
        }, stop.Token);
        Assert.True(await steps.MoveNextAsync());
        var relisted = steps.Current;

        Assert.False(listed.IsRelist);
        Assert.Equal(["goes", "stays"], listed.Items.Select(l => l.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal((ListWatchEventType.Listed, true), (relisted.Type, relisted.IsRelist));
        Assert.Equal(["came", "stays"], relisted.Items.Select(l => l.Metadata.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAndWatchAsync_SmallPages_ListsEveryPageThenWatchesFromTheFirstPagesVersion()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("lw-pages", stop.Token);
        for (var i = 0; i < 5; i++)
        {
            await client.CreateAsync(TestObjects.Lease(ns, $"page-item-{i}", "drain-a"), stop.Token);
        }

        var lists = await host.Admin.RequestCountAsync("list", "leases", stop.Token);
        await using var steps = client.ListAndWatchAsync<Lease>(ns, new ListWatchOptions { PageSize = 2 }, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await steps.MoveNextAsync());
        var listed = steps.Current;
        await client.DeleteAsync<Lease>(ns, "page-item-0", null, stop.Token);
        Assert.True(await steps.MoveNextAsync());

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"page-item-{i}"), listed.Items.Select(l => l.Metadata.Name));
        Assert.Equal(lists + 3, await host.Admin.RequestCountAsync("list", "leases", stop.Token));
        Assert.Equal("Deleted page-item-0", steps.Current.Describe());
    }
}
