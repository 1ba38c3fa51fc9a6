using System.Net;
using System.Text;
using System.Text.Json;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

/// <summary>
/// A watch whose stream goes wrong after good events: the events before the failure are delivered first, in order; then
/// the failure is thrown with its verdict; nothing after it is delivered.
/// </summary>
public sealed class WatchStreamFailureTests
{
    private static readonly string Added0 = WireJson.Event(WatchEventTypes.Added, WireJson.Vmi("vm-0", "w1", 1));
    private static readonly string Modified0 = WireJson.Event(WatchEventTypes.Modified, WireJson.Vmi("vm-0", "w2", 2));
    private static readonly string Added1 = WireJson.Event(WatchEventTypes.Added, WireJson.Vmi("vm-1", "w1", 3));

    // A complete event whose annotation holds "é" (2 bytes), "€" (3) and "😀" (4), for cuts inside a character.
    private static readonly string Annotated = WireJson.Event(WatchEventTypes.Added,
        """{"kind":"VirtualMachineInstance","metadata":{"name":"vm-2","resourceVersion":"4","annotations":{"note":"caf""" + "\u00e9 \u20ac \U0001F600" + "\"}}}");

    private static readonly string[] Plans = ["whole", "1-7"];

    /// <summary>A malformed line, and the message of the JsonException it causes when the decoder's own converters write it.</summary>
    public static TheoryData<string, string, string?> MalformedLines()
    {
        var lines = new (string Line, string? Message)[]
        {
            ("not json", null),
            ("""{"type":"ADDED","object":[1,2]}""", null),
            ("""{"type":"MODIFIED","object":{"metadata":{"name":"vm-0","creationTimestamp":"yesterday"}}}""", "'yesterday' is not an RFC 3339 timestamp."),
            ("""{"type":"MODIFIED","object":{"metadata":{"name":"vm-0","deletionTimestamp":"2026-03-01T10:00:00+15:00"}}}""",
                "'2026-03-01T10:00:00+15:00' is not an RFC 3339 timestamp."),
            ("""{"type":"MODIFIED","object":{"spec":{"domain":{"memory":{"guest":"4Gx"}}}}}""", "'4Gx' is not a Kubernetes quantity."),
            ("""{"type":"ADDED","object":{"metadata":{"name":"vm-2"}}} {"type":"ADDED"}""", null),
            ("""{"type":"ERROR","object":"gone"}""", null),
        };
        var data = new TheoryData<string, string, string?>();
        foreach (var plan in Plans)
        {
            foreach (var (line, message) in lines)
            {
                data.Add(plan, line, message);
            }
        }

        return data;
    }

    /// <summary>Where the connection closes inside the last line: after its first byte, in a name, in an object, before the last brace, inside characters.</summary>
    public static TheoryData<string, int> Truncations()
    {
        var bytes = Encoding.UTF8.GetBytes(Annotated.TrimEnd('\n'));
        var cuts = new List<int> { 1, 5, bytes.AsSpan().IndexOf("{\"kind\""u8) + 1, bytes.Length - 1 };
        cuts.AddRange(LargeWireJson.CutsInsideCharacters(bytes, 0, bytes.Length));
        var data = new TheoryData<string, int>();
        foreach (var plan in Plans)
        {
            foreach (var cut in cuts)
            {
                data.Add(plan, cut);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public async Task Decoder_MalformedLineAfterGoodEvents_DeliversThemInOrderThenThrowsBackOff(string plan, string line, string? message)
    {
        using var decoder = Decoder(Added0 + Modified0 + line + "\n" + Added1, plan);

        await AssertGoodEventsAsync(decoder);
        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () => await decoder.ReadAsync(TestTimeout.Token));

        AssertNotValidJson(ex, message);
        Assert.Null(await decoder.ReadAsync(TestTimeout.Token));
    }

    [Theory]
    [MemberData(nameof(Truncations))]
    public async Task Decoder_ConnectionClosesInsideTheLastLine_DeliversTheEventsBeforeThenThrowsBackOff(string plan, int cut)
    {
        var last = Encoding.UTF8.GetBytes(Annotated)[..cut];
        using var decoder = Decoder([.. Encoding.UTF8.GetBytes(Added0 + Modified0), .. last], plan);

        await AssertGoodEventsAsync(decoder);
        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () => await decoder.ReadAsync(TestTimeout.Token));

        AssertNotValidJson(ex, null);
        Assert.Null(await decoder.ReadAsync(TestTimeout.Token));
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("1-7")]
    public async Task Decoder_CompleteLastLineWithoutNewline_IsDelivered(string plan)
    {
        using var decoder = Decoder(Added0 + Modified0 + Annotated.TrimEnd('\n'), plan);

        await AssertGoodEventsAsync(decoder);
        var last = await decoder.ReadAsync(TestTimeout.Token);

        Assert.Equal("vm-2", last!.Object!.Metadata.Name);
        Assert.Equal("caf\u00e9 \u20ac \U0001F600", last.Object.Metadata.Annotations!["note"]);
        Assert.Null(await decoder.ReadAsync(TestTimeout.Token));
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("1-7")]
    public async Task Decoder_ExpiredErrorAfterGoodEvents_DeliversThemThenThrowsRelist(string plan)
    {
        using var decoder = Decoder(Added0 + Modified0 + WireJson.Expired(2) + Added1, plan);

        await AssertGoodEventsAsync(decoder);
        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () => await decoder.ReadAsync(TestTimeout.Token));

        Assert.Equal(RetryVerdict.Relist, ex.Verdict);
        Assert.Equal(HttpStatusCode.Gone, ex.StatusCode);
        Assert.Equal("Expired", ex.Reason);
        Assert.Equal(410, ex.Status!.Code);
        Assert.Equal("Kubernetes API: 410 Expired: too old resource version: 2", ex.Message);
        Assert.Null(await decoder.ReadAsync(TestTimeout.Token));
    }

    [Fact]
    public async Task Decoder_TransportFailureAfterGoodEventsInTheSameRead_DeliversThemThenThrowsBackOff()
    {
        var cause = new IOException("Connection reset by peer");
        var body = Encoding.UTF8.GetBytes(Added0 + Modified0 + Added1[..30]);
        using var decoder = new WatchStreamDecoder<VirtualMachineInstance>(new ChunkedReadStream(body, [int.MaxValue], cause),
            KubernetesJsonContext.Default.WatchEventVirtualMachineInstance);

        await AssertGoodEventsAsync(decoder);
        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () => await decoder.ReadAsync(TestTimeout.Token));

        Assert.Same(cause, ex.InnerException);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(KubernetesReasons.Timeout, ex.Reason);
        Assert.Equal("The Kubernetes API call failed in transport: Connection reset by peer", ex.Message);
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("1-7")]
    public async Task Decoder_CrLfAndBlankLines_AreNotEvents(string plan)
    {
        using var decoder = Decoder("\r\n" + Added0.Replace("\n", "\r\n", StringComparison.Ordinal) + " \t\r\n\n" + Modified0 + "\r\n", plan);

        await AssertGoodEventsAsync(decoder);

        Assert.Null(await decoder.ReadAsync(TestTimeout.Token));
    }

    [Fact]
    public async Task WatchAsync_MalformedLineAfterGoodEventsInOneWrite_DeliversThemThenThrowsBackOff()
    {
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync(Added0 + Modified0 + """{"type":"MODIFIED","object":{"metadata":{"creationTimestamp":"yesterday"}}}""" + "\n" + Added1);
        });

        var (seen, ex) = await WatchUntilFailureAsync(fixture);

        Assert.Equal(["ADDED vm-0 1", "MODIFIED vm-0 2"], seen);
        AssertNotValidJson(ex, "'yesterday' is not an RFC 3339 timestamp.");
    }

    [Fact]
    public async Task WatchAsync_ConnectionClosesInsideTheLastLine_DeliversTheEventsBeforeThenThrowsBackOff()
    {
        await using var fixture = new ClientFixture(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            await exchange.WriteRawAsync(Added0 + Modified0 + Added1[..60]);
        });

        var (seen, ex) = await WatchUntilFailureAsync(fixture);

        Assert.Equal(["ADDED vm-0 1", "MODIFIED vm-0 2"], seen);
        AssertNotValidJson(ex, null);
    }

    private static WatchStreamDecoder<VirtualMachineInstance> Decoder(string body, string plan) => Decoder(Encoding.UTF8.GetBytes(body), plan);

    private static WatchStreamDecoder<VirtualMachineInstance> Decoder(byte[] body, string plan)
        => new(new ChunkedReadStream(body, plan == "whole" ? [int.MaxValue] : [1, 7, 2, 5, 3, 6, 4]),
            KubernetesJsonContext.Default.WatchEventVirtualMachineInstance);

    private static async Task AssertGoodEventsAsync(WatchStreamDecoder<VirtualMachineInstance> decoder)
    {
        var first = await decoder.ReadAsync(TestTimeout.Token);
        var second = await decoder.ReadAsync(TestTimeout.Token);

        Assert.Equal("ADDED vm-0 1 w1", $"{first!.Type} {first.Object!.Metadata.Name} {first.Object.Metadata.ResourceVersion} {first.Object.Status!.NodeName}");
        Assert.Equal("MODIFIED vm-0 2 w2", $"{second!.Type} {second.Object!.Metadata.Name} {second.Object.Metadata.ResourceVersion} {second.Object.Status!.NodeName}");
    }

    private static async Task<(List<string> Seen, KubernetesApiException Error)> WatchUntilFailureAsync(ClientFixture fixture)
    {
        var seen = new List<string>();
        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var e in fixture.Client.WatchAsync<VirtualMachineInstance>("tenant-a", null, TestTimeout.Token))
            {
                seen.Add($"{e.Type} {e.Object!.Metadata.Name} {e.Object.Metadata.ResourceVersion}");
            }
        });
        return (seen, ex);
    }

    private static void AssertNotValidJson(KubernetesApiException ex, string? innerMessage)
    {
        var inner = Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal($"Kubernetes API: a watch event is not valid JSON ({inner.Message})", ex.Message);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Null(ex.StatusCode);
        Assert.Null(ex.Reason);
        Assert.Null(ex.Status);
        Assert.False(ex.RequestNotSent);
        if (innerMessage is not null)
        {
            Assert.Equal(innerMessage, inner.Message);
        }
    }
}
