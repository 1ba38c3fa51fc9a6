using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>
/// Operations under the simulator's injected delays: slow answers still succeed; answers slower than the HTTP
/// timeout are timeouts (verdict BackOff), repeated only when repeating is safe.
/// </summary>
public sealed class SlowResponseFaultTests(SimulatorHost host) : IClassFixture<SimulatorHost>, IAsyncLifetime
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(20);

    public async Task InitializeAsync()
    {
        await host.Admin.ClearFaultsAsync(CancellationToken.None);
        await host.Admin.ResetRequestCountsAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    [Fact]
    public async Task ListAsync_SlowAnswer_StillSucceeds()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, new ApiFault("nodes", "list") { Delay = Slow });

        var nodes = await client.ListAsync<Node>(null, new ListOptions { LabelSelector = "rack" }, token);

        Assert.Equal(3, nodes.Items.Count);
        Assert.Equal(1, await host.Admin.RequestCountAsync("list", "nodes", token));
    }

    [Fact]
    public async Task GetAsync_SlowerThanTheHttpTimeout_IsRepeatedThenFailsAsTimeoutWithBackOffVerdict()
    {
        using var client = host.CreateClientWithHttpTimeout(TimeSpan.FromSeconds(2), SimulatorHost.QuickRetries(attempts: 2));
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, new ApiFault("nodes", "get") { Delay = Stuck });

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<Node>(null, "node-1", token));

        Assert.Null(ex.StatusCode);
        Assert.Equal(KubernetesReasons.Timeout, ex.Reason);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(2, await host.Admin.RequestCountAsync("get", "nodes", token));
    }

    [Fact]
    public async Task CreateAsync_SlowerThanTheHttpTimeout_IsNotRepeatedAndReportsAnUnknownOutcome()
    {
        using var client = host.CreateClientWithHttpTimeout(TimeSpan.FromSeconds(2), SimulatorHost.QuickRetries(attempts: 3));
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, new ApiFault("virtualmachineinstancemigrations", "create") { Delay = Stuck });

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.CreateAsync(TestObjects.Migration(SimulatorSeed.Tenant, "slow-create", "vm-1"), token));

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.False(ex.RequestNotSent);
        Assert.Equal(1, await host.Admin.RequestCountAsync("create", "virtualmachineinstancemigrations", token));
    }

    [Fact]
    public async Task WatchAsync_SlowToOpen_StillDeliversTheChanges()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var ns = await client.CreateNamespaceAsync("slow-watch", token);
        var list = await client.ListAsync<Lease>(ns, null, token);
        await client.CreateAsync(TestObjects.Lease(ns, "seen", "drain-a"), token);
        await host.Admin.SetFaultsAsync(token, new ApiFault("leases", "watch") { Delay = Slow });

        var events = await client.WatchAsync<Lease>(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, token)
            .TakeChangesAsync(1, token);

        Assert.Equal(["ADDED seen"], events.Describe());
    }

    [Fact]
    public async Task Informer_EveryCallSlow_SyncsAndFollowsChanges()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("slow-informer", stop.Token);
        await host.Admin.SetFaultsAsync(stop.Token, new ApiFault("leases") { Delay = Slow });
        var informer = new Informer<Lease>(client, new InformerOptions { Namespace = ns });
        using var changes = informer.Subscribe();

        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);
        await client.CreateAsync(TestObjects.Lease(ns, "slowly", "drain-a"), stop.Token);
        var change = await changes.Changes.ReadAsync(stop.Token);

        Assert.Equal((InformerChangeType.Added, $"{ns}/slowly"), (change.Type, change.Key));
        Assert.NotNull(informer.Snapshot.Get(ns, "slowly"));
        await stop.CancelAsync();
        await run;
    }
}
