using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Hosting;

/// <summary><c>drain-sim serve --peer-scenario</c>: a second cluster on its own port, on one network with the first.</summary>
public sealed class PeerClusterCliTests
{
    [Fact]
    public void Parse_PeerOptions_BuildThePeer()
    {
        var (options, _, problems) = ServeCommandLine.Parse(
            ["--scenario", "small", "--kubeconfig-out", "/tmp/a", "--peer-scenario", "demo", "--peer-listen", "127.0.0.1:8444",
             "--peer-kubeconfig-out", "/tmp/b", "--peer-ground-truth-out", "/tmp/gt-b.json"]);

        Assert.Empty(problems);
        Assert.Equal(new PeerClusterOptions("demo", new IPEndPoint(IPAddress.Loopback, 8444), "/tmp/b", "/tmp/gt-b.json"), options!.Peer);
        var peer = PeerClusters.ForPeer(options, options.Peer!);
        Assert.Equal((peer.Listen, peer.KubeconfigPath, peer.GroundTruthPath, peer.Peer), (options.Peer!.Listen, "/tmp/b", "/tmp/gt-b.json", (PeerClusterOptions?)null));
    }

    [Fact]
    public void Parse_PeerFlagsWithoutTheirPartner_ReportsBoth()
    {
        var (_, _, withoutKubeconfig) = ServeCommandLine.Parse(["--kubeconfig-out", "/tmp/a", "--peer-scenario", "demo"]);
        var (_, _, withoutScenario) = ServeCommandLine.Parse(["--kubeconfig-out", "/tmp/a", "--peer-kubeconfig-out", "/tmp/b"]);

        Assert.Contains(withoutKubeconfig, p => p.Contains("--peer-scenario needs --peer-kubeconfig-out", StringComparison.Ordinal));
        Assert.Contains(withoutScenario, p => p.Contains("need --peer-scenario", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_PeerWithoutAModel_Exits2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SimulatorCli.RunAsync(
            ["serve", "--scenario", "small", "--kubeconfig-out", "/tmp/x", "--peer-scenario", "empty", "--peer-kubeconfig-out", "/tmp/y"],
            output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("--peer-scenario needs both clusters to run a cluster model", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TwoClusters_ServesBothPortsWithTheirOwnControllersAndGroundTruths()
    {
        var directory = Path.Combine(Path.GetTempPath(), "drain-sim-peer-" + Guid.NewGuid().ToString("N"));
        var (first, second, truth) = (Path.Combine(directory, "kc-1"), Path.Combine(directory, "kc-2"), Path.Combine(directory, "gt-2.json"));
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var run = SimulatorCli.RunAsync(
            ["serve", "--scenario", "small", "--kubeconfig-out", first, "--peer-scenario", "small", "--peer-kubeconfig-out", second,
             "--peer-ground-truth-out", truth], output, error, stop.Token);
        await ServeRun.UntilWrittenAsync(second, run);

        stop.Cancel();
        var exit = await run;

        Assert.True(exit == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("drain-sim peer cluster listening on https://127.0.0.1:", text, StringComparison.Ordinal);
        Assert.Contains("(cluster: small-peer, synchronization controller 10.130.0.9:9185; first cluster's 10.129.0.9:9185", text, StringComparison.Ordinal);
        Assert.NotEqual(Server(await File.ReadAllTextAsync(first)), Server(await File.ReadAllTextAsync(second)));
        var written = JsonNode.Parse(await File.ReadAllTextAsync(truth))!;
        Assert.All(written["virtualMachines"]!.AsArray(), v => Assert.Equal("small-peer", v!["cluster"]!.GetValue<string>()));
        Directory.Delete(directory, recursive: true);
    }

    private static string Server(string kubeconfig) =>
        kubeconfig.Split('\n').Single(l => l.TrimStart().StartsWith("server:", StringComparison.Ordinal)).Trim();
}
