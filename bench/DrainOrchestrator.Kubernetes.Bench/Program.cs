using System.CommandLine;
using DrainOrchestrator.Bench.Shared;
using DrainOrchestrator.Kubernetes.Bench;

// Usage: dotnet run -c Release --project bench/DrainOrchestrator.Kubernetes.Bench [list|list-keep|list-connected|list-warm|watch|watch-max|watch-server|all|decode-only]
// list / list-keep: one run each in a fresh process, the list being its first request. list-connected: the same after a
// small namespace list (HTTP, TLS and client code warm, VMI decoding cold). list-warm: five runs in one process.
// watch: paced at 10,000 then 50,000 events/s. watch-max: unpaced, through the informer. watch-server: unpaced, raw bytes.
// decode-only: the same 100,000 VMIs deserialized from one in-memory array, no network: the floor for "list".
// compare-*: KubernetesClient's own list and watch calls against ours, each in its own process (LibraryComparison.Modes).
string[] modes = ["list", "list-keep", "list-connected", "list-warm", "watch", "watch-max", "watch-server", "all", "decode-only", .. LibraryComparison.Modes];
var mode = new Argument<string>("MODE") { Description = "What to measure (see the comment at the top of Program.cs).", DefaultValueFactory = _ => "all" };
mode.AcceptOnlyFromAmong(modes);
if (BenchCommandLine.Parse(new RootCommand("The Kubernetes client's list and watch throughput against an in-process HTTPS server.") { mode }, args, out var exitCode) is not { } parsed)
{
    return exitCode;
}

var what = parsed.GetValue(mode)!;
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
Console.WriteLine($"{what}: .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, server GC {System.Runtime.GCSettings.IsServerGC}, " +
    $"TieredPGO {Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? AppContext.GetData("System.Runtime.TieredPGO") ?? "default"}, {ProcessStats.LoadAverage()}");
if (what is "list" or "all")
{
    await ListBenchmark.RunAsync(100_000, keep: false, runs: 1, timeout.Token);
}

if (what is "list-keep" or "all")
{
    await ListBenchmark.RunAsync(100_000, keep: true, runs: 1, timeout.Token);
}

if (what is "list-connected" or "all")
{
    await ListBenchmark.RunAsync(100_000, keep: false, runs: 1, timeout.Token, connected: true);
}

if (what is "list-warm")
{
    await ListBenchmark.RunAsync(100_000, keep: false, runs: 5, timeout.Token);
}

if (what is "watch" or "all")
{
    await WatchBenchmark.RunAsync(10_000, 50_000, timeout.Token);
    await WatchBenchmark.RunAsync(50_000, 150_000, timeout.Token);
}

if (what is "watch-max" or "all")
{
    await WatchBenchmark.RunAsync(0, 150_000, timeout.Token);
}

if (what is "watch-server" or "all")
{
    await WatchBenchmark.RunServerOnlyAsync(150_000, timeout.Token);
}

if (what.StartsWith("compare-", StringComparison.Ordinal))
{
    await LibraryComparison.RunAsync(what, timeout.Token);
}

if (what is "decode-only")
{
    var body = BenchData.VmiList(100_000);
    var stats = ProcessStats.Now();
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var list = System.Text.Json.JsonSerializer.Deserialize(body.Span, DrainOrchestrator.Kubernetes.Models.KubernetesJsonContext.Default.KubernetesListVirtualMachineInstance);
    Console.WriteLine($"decode-only, whole body from memory, no network: {sw.Elapsed.TotalSeconds:F2} s for {list!.Items.Count}; {ProcessStats.Now().Since(stats)}; {ProcessStats.LoadAverage()}");
}

return 0;
