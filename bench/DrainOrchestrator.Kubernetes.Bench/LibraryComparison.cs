using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;
using k8s;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>
/// The same list of 100,000 VMIs and the same watch at 10,000 events/s, through KubernetesClient 21's own custom-object
/// calls and through ours, each in a fresh process (one mode per run) so that neither warms or inflates the other:
/// wall time, CPU, allocation, peak managed heap and peak resident set. The library has no KubeVirt types, so its calls
/// yield <see cref="JsonElement"/> (the untyped variant) or our model types through its JSON options (the typed one).
/// </summary>
internal static class LibraryComparison
{
    private const int ListSize = 100_000;
    private const int WatchRate = 10_000;
    private const int WatchTotal = 50_000;

    public static readonly string[] Modes =
    [
        "compare-list-ours", "compare-list-ours-kept", "compare-list-library", "compare-list-library-typed",
        "compare-watch-ours", "compare-watch-library",
    ];

    public static Task RunAsync(string mode, CancellationToken cancellationToken) => mode switch
    {
        "compare-list-ours" => ListAsync(mode, OursStreamedAsync, cancellationToken),
        "compare-list-ours-kept" => ListAsync(mode, OursKeptAsync, cancellationToken),
        "compare-list-library" => ListAsync(mode, LibraryUntypedAsync, cancellationToken),
        "compare-list-library-typed" => ListAsync(mode, LibraryTypedAsync, cancellationToken),
        "compare-watch-ours" => WatchAsync(mode, OursWatchAsync, cancellationToken),
        "compare-watch-library" => WatchAsync(mode, LibraryWatchAsync, cancellationToken),
        _ => throw new ArgumentException($"unknown mode '{mode}'; use one of {string.Join(", ", Modes)}", nameof(mode)),
    };

    private static async Task ListAsync(string mode, Func<BenchServer, CancellationToken, Task<int>> list, CancellationToken cancellationToken)
    {
        var body = BenchData.VmiList(ListSize);
        await using var bench = new BenchServer(async (_, exchange) =>
        {
            await exchange.StartStreamAsync();
            for (var offset = 0; offset < body.Length; offset += 256 * 1024)
            {
                await exchange.WriteAsync(body.Slice(offset, Math.Min(256 * 1024, body.Length - offset)));
            }
        });
        var measured = await MeasureAsync(() => list(bench, cancellationToken));
        Console.WriteLine($"{mode}: list {measured.Count:N0} VMIs ({body.Length / 1024.0 / 1024.0:F0} MiB JSON over TLS), {measured}");
    }

    private static async Task WatchAsync(string mode, Func<BenchServer, LagMeter, CancellationToken, Task<int>> watch,
        CancellationToken cancellationToken)
    {
        var events = WatchBenchmark.Events(WatchTotal);
        var sentAt = new long[WatchTotal];
        var clock = Stopwatch.StartNew();
        await using var bench = new BenchServer((request, exchange) =>
            WatchBenchmark.ServeAsync(request, exchange, events, WatchRate, sentAt, clock));
        var lag = new LagMeter(sentAt, clock);
        var measured = await MeasureAsync(() => watch(bench, lag, cancellationToken));
        Console.WriteLine($"{mode}: watch paced at {WatchRate:N0} events/s, {measured.Count:N0} MODIFIED VMI events decoded, " +
            $"{measured.Count / measured.Seconds:N0} events/s, {lag}; {measured}");
    }

    private static async Task<int> OursStreamedAsync(BenchServer bench, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var vmi in bench.Client.StreamList<VirtualMachineInstance>(null, null).WithCancellation(cancellationToken))
        {
            count += vmi.Metadata.Name is null ? 0 : 1;
        }

        return count;
    }

    private static async Task<int> OursKeptAsync(BenchServer bench, CancellationToken cancellationToken)
    {
        var list = await bench.Client.ListAsync<VirtualMachineInstance>(null, null, cancellationToken);
        return list.Items.Count;
    }

    private static async Task<int> LibraryUntypedAsync(BenchServer bench, CancellationToken cancellationToken)
    {
        using var client = LibraryClient.Create(bench);
        var list = (JsonElement)await client.CustomObjects.ListClusterCustomObjectAsync("kubevirt.io", "v1", "virtualmachineinstances",
            cancellationToken: cancellationToken);
        return list.GetProperty("items").GetArrayLength();
    }

    private static async Task<int> LibraryTypedAsync(BenchServer bench, CancellationToken cancellationToken)
    {
        using var client = LibraryClient.Create(bench);
        var list = await client.CustomObjects.ListClusterCustomObjectAsync<KubernetesList<VirtualMachineInstance>>("kubevirt.io", "v1",
            "virtualmachineinstances", cancellationToken: cancellationToken);
        return list.Items.Count;
    }

    private static async Task<int> OursWatchAsync(BenchServer bench, LagMeter lag, CancellationToken cancellationToken)
    {
        var options = new WatchOptions { ResourceVersion = "9" };
        await foreach (var change in bench.Client.WatchAsync<VirtualMachineInstance>(null, options, cancellationToken))
        {
            if (lag.Record(change.Object!.Metadata.ResourceVersion!))
            {
                break;
            }
        }

        return lag.Received;
    }

    private static async Task<int> LibraryWatchAsync(BenchServer bench, LagMeter lag, CancellationToken cancellationToken)
    {
        using var client = LibraryClient.Create(bench);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = client.CustomObjects.WatchListClusterCustomObjectAsync("kubevirt.io", "v1", "virtualmachineinstances",
            resourceVersion: "9", cancellationToken: stop.Token);
        await foreach (var (_, item) in watch)
        {
            var version = ((JsonElement)item).GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
            if (lag.Record(version))
            {
                break;
            }
        }

        await stop.CancelAsync();
        return lag.Received;
    }

    private static async Task<Measured> MeasureAsync(Func<Task<int>> run)
    {
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peakReset = ProcessStats.ResetPeakResidentSet();
        using var sampler = new MemorySampler();
        var stats = ProcessStats.Now();
        var watch = Stopwatch.StartNew();
        var count = await run();
        watch.Stop();
        var spent = ProcessStats.Now().Since(stats);
        var peakHeap = sampler.Stop() - heapBefore;
        return new Measured(count, watch.Elapsed.TotalSeconds, spent, peakHeap, peakReset ? ProcessStats.PeakResidentSet() : 0,
            ProcessStats.LoadAverage());
    }

    private readonly record struct Measured(int Count, double Seconds, string Spent, long PeakHeap, long PeakRss, string Load)
    {
        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture,
                $"{Seconds:F2} s; {Spent}; peak managed heap {PeakHeap / 1024.0 / 1024.0:F0} MiB above baseline; " +
                $"process peak RSS {(PeakRss > 0 ? $"{PeakRss / 1024.0 / 1024.0:F0} MiB" : "n/a")} (server and body included); {Load}");
    }

    /// <summary>Counts watch events and how far each lagged behind the server's write; done at the last one.</summary>
    private sealed class LagMeter(long[] sentAt, Stopwatch clock)
    {
        private long _worst;
        private long _sum;

        public int Received { get; private set; }

        public bool Record(string resourceVersion)
        {
            var sequence = int.Parse(resourceVersion, CultureInfo.InvariantCulture) - WatchBenchmark.FirstVersion;
            var lag = clock.ElapsedTicks - Volatile.Read(ref sentAt[sequence]);
            _worst = Math.Max(_worst, lag);
            _sum += lag;
            Received++;
            return Received >= sentAt.Length;
        }

        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture,
                $"lag behind the server's write mean {_sum / (double)Math.Max(1, Received) / Stopwatch.Frequency * 1000:F2} ms, " +
                $"worst {_worst / (double)Stopwatch.Frequency * 1000:F1} ms");
    }
}
