using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>
/// Every operation under the simulator's injected 500 InternalError (sent with Retry-After: 1): retried when repeating
/// it is safe, then failing with verdict BackOff. Retry waits run on a hand-moved clock.
/// </summary>
public sealed class ServerErrorFaultTests(SimulatorHost host) : IClassFixture<SimulatorHost>, IAsyncLifetime
{
    private const int Attempts = 3;

    public async Task InitializeAsync()
    {
        await host.Admin.ClearFaultsAsync(CancellationToken.None);
        await host.Admin.ResetRequestCountsAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    [Fact]
    public async Task GetAsync_TransientServerError_WaitsTheServersRetryAfterThenSucceeds()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock, new KubernetesRetryOptions { MaxAttempts = Attempts });
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, new ApiFault("nodes", "get") { ErrorRate = 1 });

        var get = client.GetAsync<Node>(null, "node-1", token);
        var wait = await clock.NextRetryWaitAsync(token);
        await host.Admin.ClearFaultsAsync(token);
        clock.Advance(wait);

        Assert.Equal("node-1", (await get).Metadata.Name);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(2, await host.Admin.RequestCountAsync("get", "nodes", token));
    }

    [Theory]
    [InlineData("get", "get", Attempts)]
    [InlineData("list", "list", Attempts)]
    [InlineData("update", "update", Attempts)]
    [InlineData("merge-patch", "patch", Attempts)]
    [InlineData("strategic-merge-patch", "patch", Attempts)]
    [InlineData("delete", "delete", Attempts)]
    [InlineData("create", "create", 1)]
    [InlineData("json-patch", "patch", 1)]
    public async Task Operation_ServerErrorEveryTime_FailsWithBackOffAfterAsManyAttemptsAsAreSafe(string operation, string verb, int attempts)
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock, new KubernetesRetryOptions { MaxAttempts = Attempts });
        var token = TestTimeout.Token;
        var name = $"target-{operation}";
        var lease = await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, name, "drain-a"), token);
        await host.Admin.SetFaultsAsync(token, new ApiFault("leases") { ErrorRate = 1 });
        await host.Admin.ResetRequestCountsAsync(token);

        var call = Run(client, operation, lease, token);
        var waits = await clock.DriveAsync(call, token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => call);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(KubernetesReasons.InternalError, ex.Reason);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(1), attempts - 1), waits);
        Assert.Equal(attempts, await host.Admin.RequestCountAsync(verb, "leases", token));
    }

    [Fact]
    public async Task CreateOrAdoptAsync_TransientServerError_RetriesAndCreatesOnce()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock, new KubernetesRetryOptions { MaxAttempts = Attempts });
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, new ApiFault("virtualmachineinstancemigrations", "create") { ErrorRate = 1 });

        var create = client.CreateOrAdoptAsync(TestObjects.Migration(SimulatorSeed.Tenant, "adopt-after-500", "vm-1"), token);
        var wait = await clock.NextRetryWaitAsync(token);
        await host.Admin.ClearFaultsAsync(token);
        clock.Advance(wait);

        var result = await create;
        Assert.False(result.Adopted);
        Assert.Equal("vm-1", result.Object.Spec.VmiName);
        Assert.Equal(2, await host.Admin.RequestCountAsync("create", "virtualmachineinstancemigrations", token));
    }

    [Fact]
    public async Task WatchAsync_ServerError_FailsAtOnceWithBackOffVerdictAndRetryAfter()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        await host.Admin.SetFaultsAsync(token, new ApiFault("leases", "watch") { ErrorRate = 1 });

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.WatchAsync<Lease>(SimulatorSeed.Paging, null, token).TakeChangesAsync(1, token));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Equal(1, await host.Admin.RequestCountAsync("watch", "leases", token));
    }

    [Fact]
    public async Task ListAndWatchAsync_ListFailsWithServerErrors_BacksOffByRetryAfterThenLists()
    {
        var clock = new RecordingTimeProvider();
        using var client = host.CreateClient(clock);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Admin.SetFaultsAsync(stop.Token, new ApiFault("leases", "list") { ErrorRate = 1 });
        await using var steps = client.ListAndWatchAsync<Lease>(SimulatorSeed.Paging, null, stop.Token).GetAsyncEnumerator(stop.Token);

        var first = steps.MoveNextAsync().AsTask();
        var wait = await clock.NextRetryWaitAsync(stop.Token);
        await host.Admin.ClearFaultsAsync(stop.Token);
        clock.Advance(wait);

        Assert.True(await first);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(ListWatchEventType.Listed, steps.Current.Type);
        Assert.Equal(SimulatorSeed.PagedLeaseCount, steps.Current.Items.Count);
    }

    private static Task Run(KubernetesClient client, string operation, Lease lease, CancellationToken token)
    {
        var (ns, name) = (lease.Metadata.Namespace, lease.Metadata.Name!);
        return operation switch
        {
            "get" => client.GetAsync<Lease>(ns, name, token),
            "list" => client.ListAsync<Lease>(ns, null, token),
            "update" => client.UpdateAsync(lease, token),
            "merge-patch" => client.PatchAsync<Lease>(ns, name, PatchType.Merge, """{"spec":{"holderIdentity":"b"}}""", token),
            "strategic-merge-patch" => client.PatchAsync<Lease>(ns, name, PatchType.StrategicMerge, """{"spec":{"holderIdentity":"b"}}""", token),
            "json-patch" => client.PatchAsync<Lease>(ns, name, PatchType.Json, """[{"op":"add","path":"/metadata/labels","value":{}}]""", token),
            "delete" => client.DeleteAsync<Lease>(ns, name, null, token),
            "create" => client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, $"{name}-new", "drain-a"), token),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }
}
