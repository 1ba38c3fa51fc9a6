using DrainOrchestrator.Kubernetes.Bench;

// Usage: dotnet run -c Release --project bench/DrainOrchestrator.Kubernetes.Bench [list|list-keep|watch|all|decode-only]
// decode-only: the same 100,000 VMIs deserialized from one in-memory array, no network: the floor for "list".
var what = args.Length > 0 ? args[0] : "all";
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
if (what is "list" or "all")
{
    await ListBenchmark.RunAsync(100_000, keep: false, timeout.Token);
}

if (what is "list-keep" or "all")
{
    await ListBenchmark.RunAsync(100_000, keep: true, timeout.Token);
}

if (what is "watch" or "all")
{
    await WatchBenchmark.RunAsync(10_000, TimeSpan.FromSeconds(5), timeout.Token);
    await WatchBenchmark.RunAsync(50_000, TimeSpan.FromSeconds(3), timeout.Token);
}

if (what is "decode-only")
{
    var body = System.Text.Encoding.UTF8.GetBytes(DrainOrchestrator.Kubernetes.Tests.TestSupport.WireJson.List("VirtualMachineInstanceList", "1",
        Enumerable.Range(0, 100_000).Select(i => DrainOrchestrator.Kubernetes.Tests.TestSupport.WireJson.Vmi($"vm-{i}", "w", i + 1))));
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var list = System.Text.Json.JsonSerializer.Deserialize(body, DrainOrchestrator.Kubernetes.Models.KubernetesJsonContext.Default.KubernetesListVirtualMachineInstance);
    Console.WriteLine($"decode-only, whole body from memory, no network: {sw.Elapsed.TotalSeconds:F2} s for {list!.Items.Count}");
}
