using System.Diagnostics;
using System.Text;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>Lists 100,000 VMIs in one response and decodes them as they stream in.</summary>
internal static class ListBenchmark
{
    public static async Task RunAsync(int count, bool keep, CancellationToken cancellationToken)
    {
        // The body is built before timing: the server only copies bytes.
        var body = Encoding.UTF8.GetBytes(WireJson.List("VirtualMachineInstanceList", "1000000",
            Enumerable.Range(0, count).Select(i => WireJson.Vmi($"vm-{i:D6}", $"worker-{i % 500:D3}", i + 1, $"tenant-{i % 40}"))));
        await using var bench = new BenchServer(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            for (var offset = 0; offset < body.Length; offset += 256 * 1024)
            {
                await exchange.WriteAsync(body.AsMemory(offset, Math.Min(256 * 1024, body.Length - offset)));
            }
        });
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new MemorySampler();
        var kept = new List<VirtualMachineInstance>(keep ? count : 0);
        var decoded = 0;

        var watch = Stopwatch.StartNew();
        var list = bench.Client.StreamList<VirtualMachineInstance>(null, null);
        await foreach (var vmi in list.WithCancellation(cancellationToken))
        {
            decoded++;
            if (keep)
            {
                kept.Add(vmi);
            }
        }

        watch.Stop();
        var peakHeap = sampler.Stop();
        Console.WriteLine($"list {count:N0} VMIs ({body.Length / 1024.0 / 1024.0:F0} MiB JSON over TLS), {(keep ? "kept in memory" : "streamed, not kept")}: " +
            $"{watch.Elapsed.TotalSeconds:F2} s, {decoded / watch.Elapsed.TotalSeconds:N0} items/s, " +
            $"peak managed heap {(peakHeap - heapBefore) / 1024.0 / 1024.0:F0} MiB above baseline, " +
            $"process peak working set {Environment.WorkingSet / 1024.0 / 1024.0:F0} MiB now / {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB peak " +
            $"(the server's {body.Length / 1024.0 / 1024.0:F0} MiB body included), rv {list.Metadata.ResourceVersion}");
        GC.KeepAlive(kept);
    }
}
