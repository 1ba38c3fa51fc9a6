using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

public sealed class ResponseReadBufferTests
{
    private const int InitialSize = 64 * 1024;
    private const int MinimumRead = 16 * 1024;

    [Fact]
    public async Task FillAsync_FirstRead_OffersTheWholeInitialBufferAndAppendsWhatArrives()
    {
        var data = Bytes(10);
        var stream = new ChunkedReadStream(data, [3, 4]);
        using var buffer = new ResponseReadBuffer(stream);

        Assert.True(buffer.Unread.IsEmpty);
        Assert.True(await buffer.FillAsync(CancellationToken.None));
        Assert.Equal(data[..3], buffer.Unread.ToArray());
        Assert.True(await buffer.FillAsync(CancellationToken.None));

        Assert.Equal(data[..7], buffer.Unread.ToArray());
        Assert.Equal([InitialSize, InitialSize - 3], stream.OfferedSizes);
    }

    [Fact]
    public async Task Consume_PartThenAll_LeavesTheRestThenNothing()
    {
        var data = Bytes(9);
        using var buffer = new ResponseReadBuffer(new ChunkedReadStream(data, [9]));
        await buffer.FillAsync(CancellationToken.None);

        buffer.Consume(4);
        Assert.Equal(data[4..], buffer.Unread.ToArray());
        buffer.Consume(0);
        Assert.Equal(data[4..], buffer.Unread.ToArray());
        buffer.Consume(5);

        Assert.True(buffer.Unread.IsEmpty);
    }

    [Fact]
    public async Task FillAsync_EndOfStream_ReturnsFalseAndKeepsTheUnreadBytes()
    {
        var data = Bytes(5);
        var stream = new ChunkedReadStream(data, [5]);
        using var buffer = new ResponseReadBuffer(stream);
        Assert.True(await buffer.FillAsync(CancellationToken.None));
        buffer.Consume(2);

        Assert.False(await buffer.FillAsync(CancellationToken.None));
        Assert.False(await buffer.FillAsync(CancellationToken.None));

        Assert.Equal(data[2..], buffer.Unread.ToArray());
        Assert.Equal(3, stream.OfferedSizes.Count);
    }

    [Fact]
    public async Task FillAsync_EmptyStream_ReturnsFalseWithNothingUnread()
    {
        using var buffer = new ResponseReadBuffer(new ChunkedReadStream([], [1]));

        Assert.False(await buffer.FillAsync(CancellationToken.None));
        Assert.True(buffer.Unread.IsEmpty);
    }

    [Fact]
    public async Task FillAsync_GrowthPolicy_DoublesOnlyForALargeUnreadRestAndOtherwiseCompacts()
    {
        var data = Bytes(125_000);
        var stream = new ChunkedReadStream(data, [50_000, 10_000, 60_000, 5_000]);
        using var buffer = new ResponseReadBuffer(stream);

        await buffer.FillAsync(CancellationToken.None); // 64 KiB offered, 50,000 arrive.
        await buffer.FillAsync(CancellationToken.None); // < 16 KiB free and 50,000 unread: grows to 128 KiB; 10,000 arrive.
        buffer.Consume(59_000);
        await buffer.FillAsync(CancellationToken.None); // 71,072 free: reads in place; 60,000 arrive.
        buffer.Consume(60_500);
        await buffer.FillAsync(CancellationToken.None); // < 16 KiB free but only 500 unread: moves them to the front.
        var more = await buffer.FillAsync(CancellationToken.None);

        Assert.False(more);
        Assert.Equal(
            [InitialSize, (2 * InitialSize) - 50_000, (2 * InitialSize) - 60_000, (2 * InitialSize) - 500, (2 * InitialSize) - 5_500],
            stream.OfferedSizes);
        Assert.Equal(data[119_500..], buffer.Unread.ToArray());
    }

    [Theory]
    [InlineData(new[] { 1, 7, 2, 5, 3, 6, 4 })]
    [InlineData(new[] { 16_381, 3, 65_536, 1 })]
    [InlineData(new[] { 1_048_576 })]
    public async Task FillAsync_OneMebibyteNeverConsumed_GrowsAndKeepsEveryByte(int[] chunks)
    {
        var data = Bytes((1024 * 1024) + 17);
        var stream = new ChunkedReadStream(data, chunks);
        using var buffer = new ResponseReadBuffer(stream);

        while (await buffer.FillAsync(CancellationToken.None))
        {
        }

        Assert.True(buffer.Unread.SequenceEqual(data), "the unread bytes differ from what the stream sent");
        Assert.All(stream.OfferedSizes, size => Assert.True(size >= MinimumRead, $"a read was offered only {size} bytes"));
        Assert.True(stream.OfferedSizes.Max() > InitialSize, "the buffer never grew");
    }

    [Fact]
    public async Task FillAsync_SmallRestKeptAfterEachRead_NeverGrowsAndLosesNothing()
    {
        // Like a decoder that takes every complete item and keeps at most a 1,000-byte partial one.
        var data = Bytes(1024 * 1024);
        var stream = new ChunkedReadStream(data, [1, 7, 40_000, 3, 65_536, 12_345, 5]);
        using var buffer = new ResponseReadBuffer(stream);
        var decoded = new List<byte>();

        while (await buffer.FillAsync(CancellationToken.None))
        {
            var take = Math.Max(0, buffer.Unread.Length - 1000);
            decoded.AddRange(buffer.Unread[..take].ToArray());
            buffer.Consume(take);
        }

        decoded.AddRange(buffer.Unread.ToArray());
        Assert.True(decoded.SequenceEqual(data), "bytes were lost or reordered across compactions");
        Assert.All(stream.OfferedSizes, size => Assert.InRange(size, MinimumRead, InitialSize));
    }

    [Fact]
    public async Task FillAsync_IOException_ThrowsBackOffTransportFailureAndKeepsTheUnreadBytes()
    {
        var cause = new IOException("Connection reset by peer");
        var data = Bytes(3);
        using var buffer = new ResponseReadBuffer(new ChunkedReadStream(data, [3], cause));
        await buffer.FillAsync(CancellationToken.None);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () => await buffer.FillAsync(CancellationToken.None));

        Assert.Same(cause, ex.InnerException);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Null(ex.StatusCode);
        Assert.Equal(KubernetesReasons.Timeout, ex.Reason);
        Assert.False(ex.RequestNotSent);
        Assert.Equal("The Kubernetes API call failed in transport: Connection reset by peer", ex.Message);
        Assert.Equal(data, buffer.Unread.ToArray());
    }

    [Fact]
    public async Task FillAsync_HttpRequestException_ThrowsBackOffTransportFailure()
    {
        var cause = new HttpRequestException("The response ended prematurely.");
        using var buffer = new ResponseReadBuffer(new ChunkedReadStream([], [1], cause));

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(async () => await buffer.FillAsync(CancellationToken.None));

        Assert.Same(cause, ex.InnerException);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal("The Kubernetes API call failed in transport: The response ended prematurely.", ex.Message);
    }

    [Fact]
    public async Task FillAsync_OtherFailure_IsNotWrapped()
    {
        var cause = new InvalidOperationException("not a transport failure");
        using var buffer = new ResponseReadBuffer(new ChunkedReadStream([], [1], cause));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await buffer.FillAsync(CancellationToken.None));

        Assert.Same(cause, ex);
    }

    [Fact]
    public async Task FillAsync_Cancelled_ThrowsOperationCanceledNotAnApiError()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var buffer = new ResponseReadBuffer(new ChunkedReadStream(Bytes(3), [3]));

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await buffer.FillAsync(cancelled.Token));
    }

    [Fact]
    public async Task Dispose_Twice_IsHarmlessAndLeavesNothingUnread()
    {
        var buffer = new ResponseReadBuffer(new ChunkedReadStream(Bytes(3), [3]));
        await buffer.FillAsync(CancellationToken.None);

        buffer.Dispose();
        buffer.Dispose();

        Assert.True(buffer.Unread.IsEmpty);
    }

    // Bytes that never repeat with a short period, so a shifted, dropped or duplicated run shows.
    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
