using System.Diagnostics;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>
/// Lists 100,000 VMIs in one response and decodes them as they stream in. The first run in a process is the one a
/// starting orchestrator pays (code still being compiled); later runs show the steady state. With
/// <c>connected</c>, a small namespace list goes first, as an orchestrator has talked to the cluster before it lists
/// every VMI: the HTTP, TLS and client code are then warm, the VMI decoding still cold (the fake server closes every
/// connection, so the list still pays a TLS handshake).
/// </summary>
internal static class ListBenchmark
{
    public static async Task RunAsync(int count, bool keep, int runs, CancellationToken cancellationToken, bool connected = false)
    {
        // The body is built before timing: the server only copies bytes.
        var body = BenchData.VmiList(count);
        await using var bench = new BenchServer(async (request, exchange) =>
        {
            if (request.Target.StartsWith("/api/v1/namespaces", StringComparison.Ordinal))
            {
                await exchange.RespondAsync(200, WireJson.List("NamespaceList", "5", ["""{"metadata":{"name":"default"}}"""]));
                return;
            }

            await exchange.StartStreamAsync();
            for (var offset = 0; offset < body.Length; offset += 256 * 1024)
            {
                await exchange.WriteAsync(body.Slice(offset, Math.Min(256 * 1024, body.Length - offset)));
            }
        });

        if (connected)
        {
            await bench.Client.ListAsync<Namespace>(null, null, cancellationToken);
        }

        for (var run = 1; run <= runs; run++)
        {
            await RunOnceAsync(bench, body.Length, count, keep, run, connected, cancellationToken);
        }
    }

    private static async Task RunOnceAsync(BenchServer bench, int bodyLength, int count, bool keep, int run, bool connected,
        CancellationToken cancellationToken)
    {
        var load = ProcessStats.LoadAverage();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peakReset = ProcessStats.ResetPeakResidentSet();
        using var sampler = new MemorySampler();
        var kept = new List<VirtualMachineInstance>(keep ? count : 0);
        var decoded = 0;

        var stats = ProcessStats.Now();
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
        var spent = ProcessStats.Now().Since(stats);
        var peakHeap = sampler.Stop();
        var peakRss = ProcessStats.PeakResidentSet();
        Console.WriteLine($"list {count:N0} VMIs ({bodyLength / 1024.0 / 1024.0:F0} MiB JSON over TLS), {(keep ? "kept in memory" : "streamed, not kept")}, " +
            $"run {run}{(run == 1 ? connected ? " (cold VMI decoding, after one small request)" : " (cold process, first request)" : "")}: {watch.Elapsed.TotalSeconds:F2} s, {decoded / watch.Elapsed.TotalSeconds:N0} items/s; " +
            $"{spent}; peak managed heap {(peakHeap - heapBefore) / 1024.0 / 1024.0:F0} MiB above baseline, " +
            $"process peak RSS during the run {(peakReset ? $"{peakRss / 1024.0 / 1024.0:F0} MiB" : "n/a")} " +
            $"(runtime, the server and its {bodyLength / 1024.0 / 1024.0:F0} MiB body included); rv {list.Metadata.ResourceVersion}; {load}");
        GC.KeepAlive(kept);
    }
}
