using System.Diagnostics;
using System.Text;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>
/// A watch of MODIFIED VMI events, written by the server in batches every 10 ms at a target rate (or as fast as it can),
/// consumed through an informer with the by-node index and a subscription: reports the delivered rate and how far
/// delivery lagged behind the server's writes. The server-only variant reads the raw bytes without decoding them, to
/// show what the server and TLS alone can produce.
/// </summary>
internal static class WatchBenchmark
{
    private const int Objects = 2000;
    internal const int FirstVersion = 10;

    /// <summary>Paced at <paramref name="eventsPerSecond"/> (0: as fast as the server can write) for a total of <paramref name="total"/> events.</summary>
    public static async Task RunAsync(int eventsPerSecond, int total, CancellationToken cancellationToken)
    {
        var load = ProcessStats.LoadAverage();
        var events = Events(total);
        var sentAt = new long[total];
        var clock = Stopwatch.StartNew();
        await using var bench = new BenchServer((request, exchange) => ServeAsync(request, exchange, events, eventsPerSecond, sentAt, clock));
        var informer = new Informer<VirtualMachineInstance>(bench.Client, null, InformerIndexes.VirtualMachineInstancesByNode);
        using var subscription = informer.Subscribe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(cancellationToken);

        var received = 0;
        long worstLagTicks = 0;
        long lagSum = 0;
        var first = 0L;
        var stats = ProcessStats.Now();
        while (received < total)
        {
            var change = await subscription.Changes.ReadAsync(cancellationToken);
            var sequence = int.Parse(change.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture) - FirstVersion;
            var lag = clock.ElapsedTicks - Volatile.Read(ref sentAt[sequence]);
            if (received == 0)
            {
                first = clock.ElapsedTicks;
            }

            worstLagTicks = Math.Max(worstLagTicks, lag);
            lagSum += lag;
            received++;
        }

        var seconds = (clock.ElapsedTicks - first) / (double)Stopwatch.Frequency;
        var spent = ProcessStats.Now().Since(stats);
        var byNode = informer.Snapshot.GetByIndex(InformerIndexes.ByNode, "worker-1").Count;
        await stop.CancelAsync();
        await run;
        var pacing = eventsPerSecond > 0 ? $"paced at {eventsPerSecond:N0} events/s" : "unpaced (as fast as the server writes)";
        Console.WriteLine($"watch {pacing}, {total:N0} events through an informer (cache + index + notification): " +
            $"{received:N0} events in {seconds:F2} s = {received / seconds:N0} events/s; lag behind the server's write: " +
            $"mean {lagSum / (double)received / Stopwatch.Frequency * 1000:F2} ms, worst {worstLagTicks / (double)Stopwatch.Frequency * 1000:F1} ms; " +
            $"{spent}; ({byNode} VMIs indexed on worker-1 at the end); {load}");
    }

    /// <summary>The same server, unpaced, read as raw bytes (no JSON decoding): the most the server side can deliver.</summary>
    public static async Task RunServerOnlyAsync(int total, CancellationToken cancellationToken)
    {
        var load = ProcessStats.LoadAverage();
        var events = Events(total);
        var sentAt = new long[total];
        var clock = Stopwatch.StartNew();
        await using var bench = new BenchServer((request, exchange) => ServeAsync(request, exchange, events, 0, sentAt, clock));
        using var http = bench.CreateRawHttpClient();
        using var response = await http.GetAsync("/apis/kubevirt.io/v1/virtualmachineinstances?watch=true",
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        var received = 0;
        var started = clock.Elapsed;
        while (received < total)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        var seconds = (clock.Elapsed - started).TotalSeconds;
        Console.WriteLine($"watch server only (unpaced, raw bytes, no decoding): {received:N0} events in {seconds:F2} s = " +
            $"{received / seconds:N0} events/s; {load}");
    }

    internal static byte[][] Events(int total)
        => Enumerable.Range(0, total)
            .Select(i => Encoding.UTF8.GetBytes(WireJson.Event("MODIFIED", WireJson.Vmi($"vm-{i % Objects}", $"worker-{i % 50}", FirstVersion + i))))
            .ToArray();

    internal static async Task ServeAsync(FakeRequest request, FakeExchange exchange, byte[][] events, int eventsPerSecond,
        long[] sentAt, Stopwatch clock)
    {
        if (!WireJson.IsWatch(request))
        {
            await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "9",
                Enumerable.Range(0, Objects).Select(i => WireJson.Vmi($"vm-{i}", "worker-0", 9))));
            return;
        }

        await exchange.StartStreamAsync();
        var perTick = eventsPerSecond > 0 ? Math.Max(1, eventsPerSecond / 100) : 100;
        var batch = new MemoryStream();
        var next = clock.Elapsed;
        for (var i = 0; i < events.Length; i += perTick)
        {
            batch.SetLength(0);
            for (var j = i; j < Math.Min(events.Length, i + perTick); j++)
            {
                batch.Write(events[j]);
                Volatile.Write(ref sentAt[j], clock.ElapsedTicks);
            }

            await exchange.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length));
            if (eventsPerSecond <= 0)
            {
                continue;
            }

            next += TimeSpan.FromMilliseconds(10);
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        await exchange.HoldOpenAsync();
    }
}
