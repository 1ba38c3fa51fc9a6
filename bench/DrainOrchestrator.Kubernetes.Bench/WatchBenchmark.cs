using System.Diagnostics;
using System.Text;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>
/// A watch paced at a target rate (events written every 10 ms), consumed through an informer with the by-node index and
/// a subscription: reports the delivered rate and how far delivery lagged behind the server's writes.
/// </summary>
internal static class WatchBenchmark
{
    public static async Task RunAsync(int eventsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        const int Objects = 2000;
        var total = (int)(eventsPerSecond * duration.TotalSeconds);
        var perTick = eventsPerSecond / 100;
        var events = Enumerable.Range(0, total)
            .Select(i => Encoding.UTF8.GetBytes(WireJson.Event("MODIFIED", WireJson.Vmi($"vm-{i % Objects}", $"worker-{i % 50}", 10 + i))))
            .ToArray();
        var sentAt = new long[total];
        var clock = Stopwatch.StartNew();
        await using var bench = new BenchServer(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "9",
                    Enumerable.Range(0, Objects).Select(i => WireJson.Vmi($"vm-{i}", "worker-0", 9))));
                return;
            }

            await exchange.StartStreamAsync();
            var next = clock.Elapsed;
            for (var i = 0; i < total; i += perTick)
            {
                var batch = new MemoryStream();
                for (var j = i; j < Math.Min(total, i + perTick); j++)
                {
                    batch.Write(events[j]);
                    sentAt[j] = clock.ElapsedTicks;
                }

                await exchange.WriteAsync(batch.ToArray());
                next += TimeSpan.FromMilliseconds(10);
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }

            await exchange.HoldOpenAsync();
        });
        var informer = new Informer<VirtualMachineInstance>(bench.Client, null, InformerIndexes.VirtualMachineInstancesByNode);
        using var subscription = informer.Subscribe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(cancellationToken);

        var received = 0;
        long worstLagTicks = 0;
        long lagSum = 0;
        var first = 0L;
        while (received < total)
        {
            var change = await subscription.Changes.ReadAsync(cancellationToken);
            var sequence = int.Parse(change.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture) - 10;
            var lag = clock.ElapsedTicks - sentAt[sequence];
            if (received == 0)
            {
                first = clock.ElapsedTicks;
            }

            worstLagTicks = Math.Max(worstLagTicks, lag);
            lagSum += lag;
            received++;
        }

        var seconds = (clock.ElapsedTicks - first) / (double)Stopwatch.Frequency;
        var byNode = informer.Snapshot.GetByIndex(InformerIndexes.ByNode, "worker-1").Count;
        await stop.CancelAsync();
        await run;
        Console.WriteLine($"watch paced at {eventsPerSecond:N0} events/s for {duration.TotalSeconds:F0} s, through an informer (cache + index + notification): " +
            $"{received:N0} events in {seconds:F2} s = {received / seconds:N0} events/s; lag behind the server's write: " +
            $"mean {lagSum / (double)received / Stopwatch.Frequency * 1000:F2} ms, worst {worstLagTicks / (double)Stopwatch.Frequency * 1000:F1} ms " +
            $"({byNode} VMIs indexed on worker-1 at the end)");
    }
}
