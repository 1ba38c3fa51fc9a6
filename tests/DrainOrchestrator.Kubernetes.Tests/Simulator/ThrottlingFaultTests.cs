using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>
/// Operations under the simulator's injected 429 TooManyRequests with Retry-After: the client waits exactly as long
/// as asked (on a hand-moved clock), repeats even creates (a 429 proves the server did not act), and fails with verdict
/// BackOff and the requested wait when the budget is spent.
/// </summary>
public sealed class ThrottlingFaultTests(SimulatorHost host) : IClassFixture<SimulatorHost>, IAsyncLifetime
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    public async Task InitializeAsync()
    {
        await host.Admin.ClearFaultsAsync(CancellationToken.None);
        await host.Admin.ResetRequestCountsAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    [Fact]
    public async Task GetAsync_Throttled_WaitsExactlyTheRetryAfterThenSucceeds()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock, new KubernetesRetryOptions { MaxAttempts = 3 });
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, Throttle("kubevirts", "get"));

        var get = client.GetAsync<KubeVirt>(SimulatorSeed.KubeVirtNamespace, "kubevirt", token);
        var wait = await clock.NextRetryWaitAsync(token);
        await host.Admin.ClearFaultsAsync(token);
        clock.Advance(wait);

        Assert.Equal("kubevirt", (await get).Metadata.Name);
        Assert.Equal(RetryAfter, wait);
        Assert.Equal(2, await host.Admin.RequestCountAsync("get", "kubevirts", token));
    }

    [Fact]
    public async Task CreateAsync_Throttled_IsRepeatedAndCreatesExactlyOnce()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock, new KubernetesRetryOptions { MaxAttempts = 3 });
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, Throttle("virtualmachineinstancemigrations", "create"));

        var create = client.CreateAsync(TestObjects.Migration(SimulatorSeed.Tenant, "after-429", "vm-2"), token);
        var wait = await clock.NextRetryWaitAsync(token);
        await host.Admin.ClearFaultsAsync(token);
        clock.Advance(wait);

        Assert.Equal("after-429", (await create).Metadata.Name);
        Assert.Equal(2, await host.Admin.RequestCountAsync("create", "virtualmachineinstancemigrations", token));
        var listed = await client.ListAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant,
            new ListOptions { FieldSelector = "metadata.name=after-429" }, token);
        Assert.Single(listed.Items);
    }

    [Fact]
    public async Task PatchAsync_JsonPatchThrottled_IsRepeatedAndAppliedOnce()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock, new KubernetesRetryOptions { MaxAttempts = 3 });
        var token = TestTimeout.Token;
        await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "json-429", "drain-a"), token);
        await host.Admin.SetFaultsAsync(token, Throttle("leases", "patch"));

        var patch = client.PatchAsync<Lease>(SimulatorSeed.Tenant, "json-429", PatchType.Json,
            """[{"op":"test","path":"/spec/holderIdentity","value":"drain-a"},{"op":"replace","path":"/spec/holderIdentity","value":"drain-b"}]""", token);
        var wait = await clock.NextRetryWaitAsync(token);
        await host.Admin.ClearFaultsAsync(token);
        clock.Advance(wait);

        Assert.Equal("drain-b", (await patch).Spec!.HolderIdentity);
        Assert.Equal(2, await host.Admin.RequestCountAsync("patch", "leases", token));
    }

    [Fact]
    public async Task ListAsync_ThrottledEveryTime_FailsWithBackOffAndTheRequestedWaitAfterTheBudget()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock, new KubernetesRetryOptions { MaxAttempts = 3 });
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, Throttle("nodes", "list"));

        var list = client.ListAsync<Node>(null, null, token);
        var waits = await clock.DriveAsync(list, token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => list);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(KubernetesReasons.TooManyRequests, ex.Reason);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(RetryAfter, ex.RetryAfter);
        Assert.Equal([RetryAfter, RetryAfter], waits);
        Assert.Equal(3, await host.Admin.RequestCountAsync("list", "nodes", token));
    }

    [Fact]
    public async Task GetAsync_RetryAfterLongerThanTheClientHonours_FailsAtOnceWithTheRequestedWait()
    {
        using var client = host.CreateClient(retry: new KubernetesRetryOptions { MaxAttempts = 3, MaxRetryAfter = TimeSpan.FromSeconds(1) });
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, Throttle("nodes", "get"));

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<Node>(null, "node-1", token));

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(RetryAfter, ex.RetryAfter);
        Assert.Equal(1, await host.Admin.RequestCountAsync("get", "nodes", token));
    }

    [Fact]
    public async Task Informer_ListThrottled_SyncsOnceTheThrottlingEnds()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Admin.SetFaultsAsync(stop.Token, Throttle("virtualmachineinstances", "list"));
        var informer = new Informer<VirtualMachineInstance>(client, new InformerOptions { Namespace = SimulatorSeed.Tenant },
            InformerIndexes.VirtualMachineInstancesByNode);

        var run = informer.RunAsync(stop.Token);
        var wait = await clock.NextRetryWaitAsync(stop.Token);
        var syncedWhileThrottled = informer.HasSynced;
        await host.Admin.ClearFaultsAsync(stop.Token);
        clock.Advance(wait);
        await informer.Synced.WaitAsync(stop.Token);

        Assert.False(syncedWhileThrottled);
        Assert.Equal(RetryAfter, wait);
        Assert.Equal(["vm-2", "vm-4"], informer.Snapshot.GetByIndex(InformerIndexes.ByNode, "node-2").Select(v => v.Metadata.Name));
        await stop.CancelAsync();
        await run;
    }

    private static ApiFault Throttle(string resource, string verb) => new(resource, verb) { ThrottleRate = 1, RetryAfter = RetryAfter };
}
