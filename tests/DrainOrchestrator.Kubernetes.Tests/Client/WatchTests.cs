using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

public sealed class WatchTests
{
    private const string Added = """{"type":"ADDED","object":{"kind":"VirtualMachineInstanceMigration","apiVersion":"kubevirt.io/v1","metadata":{"name":"m1","resourceVersion":"11"},"spec":{"vmiName":"db-01"},"status":{"phase":"Pending"}}}""";
    private const string Modified = """{"type":"MODIFIED","object":{"kind":"VirtualMachineInstanceMigration","apiVersion":"kubevirt.io/v1","metadata":{"name":"m1","resourceVersion":"12"},"spec":{"vmiName":"db-01"},"status":{"phase":"Running"}}}""";
    private const string Bookmark = """{"type":"BOOKMARK","object":{"kind":"VirtualMachineInstanceMigration","apiVersion":"kubevirt.io/v1","metadata":{"resourceVersion":"15"}}}""";

    [Fact]
    public async Task WatchAsync_EventsArriveOneByOne_EachDeliveredBeforeTheNextIsSent()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync(Added + "\n");
            await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));

            // An event split across writes, then a bookmark whose newline never comes before the close.
            await exchange.WriteRawAsync(Modified[..40]);
            await exchange.WriteRawAsync(Modified[40..] + "\n");
            await exchange.WriteRawAsync(Bookmark);
        });
        var events = new List<WatchEvent<VirtualMachineInstanceMigration>>();

        await foreach (var e in fixture.Client.WatchAsync<VirtualMachineInstanceMigration>("tenant-a",
            new WatchOptions { ResourceVersion = "10", Timeout = TimeSpan.FromSeconds(300) }, TestTimeout_Token()))
        {
            events.Add(e);
            firstSeen.TrySetResult();
        }

        Assert.Equal([WatchEventTypes.Added, WatchEventTypes.Modified, WatchEventTypes.Bookmark], events.Select(e => e.Type));
        Assert.Equal("Running", events[1].Object!.Status!.Phase);
        Assert.Equal("15", events[2].Object!.Metadata.ResourceVersion);
        Assert.Equal(
            "/apis/kubevirt.io/v1/namespaces/tenant-a/virtualmachineinstancemigrations?watch=true&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=300",
            fixture.SingleRequest.Target);
    }

    [Fact]
    public async Task WatchAsync_ExpiredErrorEvent_ThrowsRelist()
    {
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync(
                """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 10 (4000)","reason":"Expired","code":410}}""" + "\n");
        });

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var unused in fixture.Client.WatchAsync<Node>(null, new WatchOptions { ResourceVersion = "10" }, TestTimeout_Token()))
            {
            }
        });

        Assert.Equal(RetryVerdict.Relist, ex.Verdict);
        Assert.Equal(System.Net.HttpStatusCode.Gone, ex.StatusCode);
        Assert.Contains("too old resource version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_ConnectionResetMidStream_ThrowsBackOffAfterDeliveredEvents()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync(Added + "\n" + Modified[..30]);

            // A reset discards data the client has not read yet, so reset only once the first event is through.
            await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
            exchange.Reset();
        });
        var seen = new List<string?>();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var e in fixture.Client.WatchAsync<VirtualMachineInstanceMigration>("tenant-a", null, TestTimeout_Token()))
            {
                seen.Add(e.Type);
                firstSeen.TrySetResult();
            }
        });

        Assert.Equal([WatchEventTypes.Added], seen);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
    }

    [Fact]
    public async Task WatchAsync_MalformedEvent_ThrowsBackOff()
    {
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync("{\"type\":\"ADDED\",\"object\":[1,2]}\n");
        });

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var unused in fixture.Client.WatchAsync<Node>(null, null, TestTimeout_Token()))
            {
            }
        });

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
    }

    private static CancellationToken TestTimeout_Token() => TestSupport.TestTimeout.Token;
}
