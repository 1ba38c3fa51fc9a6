using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// What the cluster-to-cluster evacuation tests ask of drain-sim: cluster-x (evacuation-x.yaml) on the first port and a
/// cluster-y on the peer port of one process, the gate on both, the drainctl arguments with both kubeconfigs, and the
/// ground truths of both clusters read as one.
/// </summary>
internal static class CrossClusterSim
{
    public const string SourceCluster = "cluster-x";
    public const string TargetCluster = "cluster-y";
    private const string KubeVirtCr = "/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt";
    private const string GateOn = """{"spec":{"configuration":{"developerConfiguration":{"featureGates":["DecentralizedLiveMigration"]}}}}""";

    /// <summary>Starts both clusters (<paramref name="targetScenario"/> a file under Scenarios/) with the gate on in each.</summary>
    public static async Task<SimulatorProcess> StartAsync(string targetScenario, double speed)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Scenarios");
        var sim = await SimulatorProcess.StartAsync(
            new SimulatorLaunch(Programs.DrainSim, Path.Combine(directory, "evacuation-x.yaml"), speed)
            {
                PeerScenario = Path.Combine(directory, targetScenario),
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
            CancellationToken.None);
        try
        {
            Assert.Equal(HttpStatusCode.OK, await sim.SendAsync(HttpMethod.Patch, KubeVirtCr, GateOn, "application/merge-patch+json"));
            Assert.Equal(HttpStatusCode.OK, await sim.Peer!.SendAsync(HttpMethod.Patch, KubeVirtCr, GateOn, "application/merge-patch+json"));
            return sim;
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>drainctl evacuate</c> from apps of the first cluster to moved of the peer: <c>--kubeconfig X --target-kubeconfig Y</c>.</summary>
    public static string[] Arguments(SimulatorProcess sim, string connectionString, params string[] more) =>
    [
        "evacuate", "--kubeconfig", sim.KubeconfigPath, "--target-kubeconfig", sim.Peer!.KubeconfigPath, "--namespace", EvacuationSim.Source,
        "--to-namespace", EvacuationSim.Target, "--selector", "app=web", "--lease-seconds", "2", "--db", connectionString, .. more,
    ];

    /// <summary>Both ground truths: the source cluster's and the target's.</summary>
    public static async Task<(JsonObject Source, JsonObject Target)> GroundTruthsAsync(SimulatorProcess sim) =>
        (await sim.GroundTruthDocumentAsync(), await sim.Peer!.GroundTruthDocumentAsync());

    /// <summary>Every VM of both clusters (each carries its cluster), by name.</summary>
    public static ILookup<string, JsonObject> VirtualMachines(JsonObject source, JsonObject target) =>
        source["virtualMachines"]!.AsArray().Concat(target["virtualMachines"]!.AsArray()).Select(v => v!.AsObject())
            .ToLookup(v => v["name"]!.GetValue<string>(), StringComparer.Ordinal);
}
