using System.Text;
using System.Text.Json;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

/// <summary>
/// Items larger than the decoders' 64 KiB read buffer (which must grow, never truncate) among normal ones, delivered in
/// reads of every size, including reads that end inside a multi-byte UTF-8 character.
/// </summary>
public sealed class LargeItemStreamTests
{
    private const int OverBuffer = 72 * 1024;
    private const int Mebibyte = 1024 * 1024;

    private static readonly byte[] ItemStart = "{\"apiVersion\":\"kubevirt.io/v1\",\"kind\":\"VirtualMachineInstance\""u8.ToArray();
    private static readonly Dictionary<string, string> Big = LargeWireJson.Annotations("big", OverBuffer);
    private static readonly Dictionary<string, string> Huge = LargeWireJson.Annotations("huge", Mebibyte);

    // Every read 1 to 7 bytes: the list decoder re-scans a partial item on each read, so only used below a mebibyte.
    public static TheoryData<string> PlansForBigItem() => ["whole", "1-7", "mixed", "cut-in-chars"];

    public static TheoryData<string> PlansForHugeItem() => ["whole", "mixed", "cut-in-chars"];

    public static TheoryData<string> PlansForWatch() => ["whole", "1-7", "mixed", "cut-in-chars"];

    [Fact]
    public void Fixtures_AreAsLargeAsIntended()
    {
        var big = Encoding.UTF8.GetByteCount(LargeWireJson.Vmi("big", 2, Big));
        var huge = Encoding.UTF8.GetByteCount(LargeWireJson.Vmi("huge", 4, Huge));

        Assert.InRange(big, OverBuffer, OverBuffer + (16 * 1024));
        Assert.InRange(huge, Mebibyte, Mebibyte + (16 * 1024));

        // Five item starts, and three cuts inside characters of each kind (1 + 2 + 3) in each of the two large items.
        var body = ListBody();
        var offsets = InterestingOffsets(body);
        Assert.Equal(5 + 12, offsets.Count);
        Assert.All(offsets.Skip(5), at => Assert.True((body[at] & 0xC0) == 0x80, $"offset {at} is not inside a character"));
    }

    [Theory]
    [MemberData(nameof(PlansForBigItem))]
    public async Task ListDecoder_ItemLargerThanTheBuffer_DecodesIntactAmongNormalItems(string plan)
    {
        var body = Encoding.UTF8.GetBytes(WireJson.List("VirtualMachineInstanceList", "700",
            [WireJson.Vmi("vm-0", "w1", 1), LargeWireJson.Vmi("big", 2, Big), WireJson.Vmi("vm-1", "w2", 3)]));

        var (items, resourceVersion) = await DecodeListAsync(new ChunkedReadStream(body, Plan(plan, body)));

        Assert.Equal("700", resourceVersion);
        Assert.Equal(["vm-0", "big", "vm-1"], items.Select(i => i.Metadata.Name));
        AssertNormal(items[0], "vm-0", "w1");
        AssertLarge(items[1], "2", Big);
        AssertNormal(items[2], "vm-1", "w2");
    }

    [Theory]
    [MemberData(nameof(PlansForHugeItem))]
    public async Task ListDecoder_MebibyteItem_DecodesIntactAmongNormalItems(string plan)
    {
        var body = ListBody();

        var (items, resourceVersion) = await DecodeListAsync(new ChunkedReadStream(body, Plan(plan, body)));

        Assert.Equal("700", resourceVersion);
        Assert.Equal(["vm-0", "big", "vm-1", "huge", "vm-2"], items.Select(i => i.Metadata.Name));
        AssertNormal(items[0], "vm-0", "w1");
        AssertLarge(items[1], "2", Big);
        AssertNormal(items[2], "vm-1", "w2");
        AssertLarge(items[3], "4", Huge);
        AssertNormal(items[4], "vm-2", "w3");
    }

    [Theory]
    [MemberData(nameof(PlansForWatch))]
    public async Task WatchDecoder_LargeEvents_DecodeIntactAndInOrder(string plan)
    {
        var body = WatchBody();
        var events = new List<WatchEvent<VirtualMachineInstance>>();
        using (var decoder = new WatchStreamDecoder<VirtualMachineInstance>(new ChunkedReadStream(body, Plan(plan, body)),
            KubernetesJsonContext.Default.WatchEventVirtualMachineInstance))
        {
            while (await decoder.ReadAsync(TestTimeout.Token) is { } watchEvent)
            {
                events.Add(watchEvent);
            }
        }

        AssertWatchEvents(events);
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("1-7")]
    public async Task ListDecoder_ConnectionClosesInsideALargeItem_DeliversTheItemsBeforeThenThrowsBackOff(string plan)
    {
        var full = Encoding.UTF8.GetBytes(WireJson.List("VirtualMachineInstanceList", "700",
            [WireJson.Vmi("vm-0", "w1", 1), LargeWireJson.Vmi("big", 2, Big), WireJson.Vmi("vm-1", "w2", 3)]));

        // Closed inside a 4-byte character of the fourth annotation, some 25 KiB into the large item.
        var annotation = full.AsSpan().IndexOf("big.example.com/big-00003"u8);
        var body = full[..(annotation + full.AsSpan(annotation).IndexOf(LargeWireJson.FourByteChar) + 2)];
        var items = new List<VirtualMachineInstance>();
        var batch = new List<VirtualMachineInstance>();
        using var decoder = new ListStreamDecoder<VirtualMachineInstance>(new ChunkedReadStream(body, Plan(plan, body)),
            KubernetesJsonContext.Default.VirtualMachineInstance);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            while (await decoder.ReadAsync(batch, TestTimeout.Token))
            {
                items.AddRange(batch);
                batch.Clear();
            }
        });

        Assert.Equal(["vm-0"], items.Select(i => i.Metadata.Name));
        var inner = Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal($"Kubernetes API: a list response is not valid JSON ({inner.Message})", ex.Message);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task StreamList_MebibyteItemInOddChunks_DecodesIntactAmongNormalItems()
    {
        var body = ListBody();
        var chunks = ServerPlan(body);
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            var offset = 0;
            foreach (var size in chunks)
            {
                await exchange.WriteAsync(body.AsMemory(offset, size));
                offset += size;
            }
        });
        var list = fixture.Client.StreamList<VirtualMachineInstance>("tenant-a", null);
        var items = new List<VirtualMachineInstance>();

        await foreach (var item in list.WithCancellation(TestTimeout.Token))
        {
            items.Add(item);
        }

        Assert.Equal(["vm-0", "big", "vm-1", "huge", "vm-2"], items.Select(i => i.Metadata.Name));
        Assert.Equal(5, list.Count);
        Assert.Equal("700", list.Metadata.ResourceVersion);
        AssertNormal(items[0], "vm-0", "w1");
        AssertLarge(items[1], "2", Big);
        AssertNormal(items[2], "vm-1", "w2");
        AssertLarge(items[3], "4", Huge);
        AssertNormal(items[4], "vm-2", "w3");
    }

    [Fact]
    public async Task WatchAsync_MebibyteEventInOddChunks_DecodesIntactAndInOrder()
    {
        var body = WatchBody();
        var chunks = ServerPlan(body);
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            var offset = 0;
            foreach (var size in chunks)
            {
                await exchange.WriteAsync(body.AsMemory(offset, size));
                offset += size;
            }
        });
        var events = new List<WatchEvent<VirtualMachineInstance>>();

        await foreach (var watchEvent in fixture.Client.WatchAsync<VirtualMachineInstance>("tenant-a", null, TestTimeout.Token))
        {
            events.Add(watchEvent);
        }

        AssertWatchEvents(events);
    }

    private static byte[] ListBody()
        => Encoding.UTF8.GetBytes(WireJson.List("VirtualMachineInstanceList", "700",
        [
            WireJson.Vmi("vm-0", "w1", 1), LargeWireJson.Vmi("big", 2, Big), WireJson.Vmi("vm-1", "w2", 3),
            LargeWireJson.Vmi("huge", 4, Huge), WireJson.Vmi("vm-2", "w3", 5),
        ]));

    // The mebibyte event comes last, without a newline: it completes only when the stream ends.
    private static byte[] WatchBody()
        => Encoding.UTF8.GetBytes(
            WireJson.Event(WatchEventTypes.Added, WireJson.Vmi("vm-0", "w1", 1))
            + WireJson.Event(WatchEventTypes.Modified, LargeWireJson.Vmi("big", 2, Big))
            + WireJson.Bookmark(3)
            + WireJson.Event(WatchEventTypes.Added, WireJson.Vmi("vm-1", "w2", 4))
            + WireJson.Event(WatchEventTypes.Modified, LargeWireJson.Vmi("huge", 5, Huge)).TrimEnd('\n'));

    private static void AssertWatchEvents(List<WatchEvent<VirtualMachineInstance>> events)
    {
        Assert.Equal(
            [WatchEventTypes.Added, WatchEventTypes.Modified, WatchEventTypes.Bookmark, WatchEventTypes.Added, WatchEventTypes.Modified],
            events.Select(e => e.Type));
        AssertNormal(events[0].Object!, "vm-0", "w1");
        AssertLarge(events[1].Object!, "2", Big);
        Assert.Equal("3", events[2].Object!.Metadata.ResourceVersion);
        AssertNormal(events[3].Object!, "vm-1", "w2");
        AssertLarge(events[4].Object!, "5", Huge);
    }

    private static async Task<(List<VirtualMachineInstance> Items, string? ResourceVersion)> DecodeListAsync(Stream stream)
    {
        var items = new List<VirtualMachineInstance>();
        var batch = new List<VirtualMachineInstance>();
        using var decoder = new ListStreamDecoder<VirtualMachineInstance>(stream, KubernetesJsonContext.Default.VirtualMachineInstance);
        while (await decoder.ReadAsync(batch, TestTimeout.Token))
        {
            items.AddRange(batch);
            batch.Clear();
        }

        return (items, decoder.Metadata.ResourceVersion);
    }

    private static List<int> Plan(string plan, byte[] body) => plan switch
    {
        "whole" => [int.MaxValue],
        "1-7" => [1, 7, 2, 5, 3, 6, 4],
        "mixed" => [1, 7, 16_381, 3, 65_536, 2, 4_093],
        "cut-in-chars" => ChunkedReadStream.CutAt(body.Length, InterestingOffsets(body), 4_099),
        _ => throw new ArgumentOutOfRangeException(nameof(plan)),
    };

    // Writes over TLS: bulk 7,001-byte writes, with 1-7 byte writes around item boundaries and inside characters.
    private static List<int> ServerPlan(byte[] body)
    {
        var cuts = new List<int>();
        foreach (var center in InterestingOffsets(body))
        {
            var step = 0;
            for (var at = center - 40; at < center + 40; at += (step++ % 7) + 1)
            {
                cuts.Add(at);
            }

            cuts.Add(center);
        }

        return ChunkedReadStream.CutAt(body.Length, cuts, 7_001);
    }

    // Where every item starts (and the one before ends), and inside the first 2-, 3- and 4-byte characters of each large item.
    private static List<int> InterestingOffsets(byte[] body)
    {
        var starts = new List<int>();
        for (var at = body.AsSpan().IndexOf(ItemStart); at >= 0;)
        {
            starts.Add(at);
            var next = body.AsSpan(at + 1).IndexOf(ItemStart);
            at = next < 0 ? -1 : at + 1 + next;
        }

        var offsets = new List<int>(starts);
        for (var i = 0; i < starts.Count; i++)
        {
            offsets.AddRange(LargeWireJson.CutsInsideCharacters(body, starts[i], i + 1 < starts.Count ? starts[i + 1] : body.Length));
        }

        return offsets;
    }

    private static void AssertNormal(VirtualMachineInstance item, string name, string node)
    {
        Assert.Equal(name, item.Metadata.Name);
        Assert.Equal("uid-" + name, item.Metadata.Uid);
        Assert.Equal(new Dictionary<string, string> { ["kubevirt.io/latest-observed-api-version"] = "v1" }, item.Metadata.Annotations);
        Assert.Equal(node, item.Status!.NodeName);
        Assert.Equal("LiveMigrate", item.Spec!.EvictionStrategy);
    }

    private static void AssertLarge(VirtualMachineInstance item, string resourceVersion, Dictionary<string, string> annotations)
    {
        Assert.Equal(resourceVersion, item.Metadata.ResourceVersion);
        LargeWireJson.AssertAnnotations(annotations, item.Metadata);
        Assert.Equal("big-node-" + resourceVersion, item.Status!.NodeName);
    }
}
