using System.Text;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

public sealed class ListStreamTests
{
    [Fact]
    public async Task StreamList_BigList_YieldsItemsBeforeTheResponseEnds()
    {
        const int Count = 5000;
        var firstItemSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = Encoding.UTF8.GetBytes(WireJson.List("VirtualMachineInstanceList", "900",
            Enumerable.Range(0, Count).Select(i => WireJson.Vmi($"vm-{i}", $"worker-{i % 7}", i + 1))));
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();

            // Odd-sized writes split items, property names and even UTF-8 tokens across reads.
            var half = body.Length / 2;
            for (var offset = 0; offset < half; offset += 7001)
            {
                await exchange.WriteAsync(body.AsMemory(offset, Math.Min(7001, half - offset)));
            }

            // The rest only once the client has decoded an item: the list is decoded as it arrives.
            await firstItemSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await exchange.WriteAsync(body.AsMemory(half));
        });
        var list = fixture.Client.StreamList<VirtualMachineInstance>(null, new ListOptions { LabelSelector = "app=db" });
        var names = new List<string?>();

        await foreach (var vmi in list.WithCancellation(TestTimeout.Token))
        {
            names.Add(vmi.Metadata.Name);
            firstItemSeen.TrySetResult();
        }

        Assert.Equal(Count, names.Count);
        Assert.Equal(Count, list.Count);
        Assert.Equal("vm-0", names[0]);
        Assert.Equal($"vm-{Count - 1}", names[^1]);
        Assert.Equal("900", list.Metadata.ResourceVersion);
        Assert.Equal("/apis/kubevirt.io/v1/virtualmachineinstances?labelSelector=app%3Ddb", fixture.SingleRequest.Target);
    }

    [Fact]
    public async Task StreamList_Paged_FollowsContinueTokensAndKeepsTheFirstVersion()
    {
        await using var fixture = new ClientFixture((request, exchange) => exchange.RespondAsync(200,
            request.Target.Contains("continue=", StringComparison.Ordinal)
                ? WireJson.List("VirtualMachineInstanceList", "31", [WireJson.Vmi("c", "w2", 3)])
                : WireJson.List("VirtualMachineInstanceList", "30", [WireJson.Vmi("a", "w1", 1), WireJson.Vmi("b", "w1", 2)], "page-2")));
        var list = fixture.Client.StreamList<VirtualMachineInstance>("tenant-a", new ListOptions { Limit = 2 });

        var names = new List<string?>();
        await foreach (var vmi in list.WithCancellation(TestTimeout.Token))
        {
            names.Add(vmi.Metadata.Name);
        }

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal("30", list.Metadata.ResourceVersion);
        Assert.Null(list.Metadata.Continue);
        Assert.EndsWith("limit=2&continue=page-2", fixture.Server.Requests[1].Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamList_MetadataAfterItemsAndUnknownMembers_StillReadsBoth()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200,
            """{"items":[{"metadata":{"name":"n1"},"extra":{"deep":[1,{"x":null}]}},null],"kind":"NodeList","future":[true],"metadata":{"resourceVersion":"77"}}"""));
        var list = fixture.Client.StreamList<Node>(null, null);

        var nodes = new List<Node>();
        await foreach (var node in list.WithCancellation(TestTimeout.Token))
        {
            nodes.Add(node);
        }

        var only = Assert.Single(nodes);
        Assert.Equal("n1", only.Metadata.Name);
        Assert.True(only.AdditionalProperties!.ContainsKey("extra"));
        Assert.Equal("77", list.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task StreamList_ConnectionClosedMidList_ThrowsBackOffAfterTheItemsItHad()
    {
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync("""{"kind":"NodeList","metadata":{"resourceVersion":"5"},"items":[{"metadata":{"name":"n1"}},{"metadata":{"na""");
        });
        var seen = new List<string?>();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var node in fixture.Client.StreamList<Node>(null, null).WithCancellation(TestTimeout.Token))
            {
                seen.Add(node.Metadata.Name);
            }
        });

        Assert.Equal(["n1"], seen);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
    }

    [Fact]
    public async Task StreamList_NotAList_ThrowsBackOffMalformed()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200, """{"items":{"a":1}}"""));

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var unused in fixture.Client.StreamList<Node>(null, null).WithCancellation(TestTimeout.Token))
            {
            }
        });

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
    }
}
