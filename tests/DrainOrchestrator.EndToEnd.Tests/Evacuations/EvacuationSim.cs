using System.Net;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>What the evacuation tests ask of drain-sim: the feature gate, the drainctl arguments, and the ground truth's VMs.</summary>
internal static class EvacuationSim
{
    public const string Source = "apps";
    public const string Target = "moved";

    public static async Task SetGateAsync(SimulatorProcess sim, bool on)
    {
        var gates = on ? """["DecentralizedLiveMigration"]""" : "[]";
        var code = await sim.SendAsync(HttpMethod.Patch, "/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt",
            "{\"spec\":{\"configuration\":{\"developerConfiguration\":{\"featureGates\":" + gates + "}}}}", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, code);
    }

    public static string[] Arguments(SimulatorProcess sim, string connectionString, params string[] more) =>
    [
        "evacuate", "--kubeconfig", sim.KubeconfigPath, "--namespace", Source, "--to-namespace", Target, "--selector", "app=web",
        "--lease-seconds", "2", "--db", connectionString, .. more,
    ];

    /// <summary>The ground truth's VMs (namespace, name, running) by name.</summary>
    public static ILookup<string, JsonObject> VirtualMachines(JsonObject truth) =>
        truth["virtualMachines"]!.AsArray().Select(v => v!.AsObject()).ToLookup(v => v["name"]!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>Each of the ten VMs runs exactly once, in the target namespace; its source VM is stopped; nothing lost; limits held.</summary>
    public static void AssertMovedOnce(JsonObject truth, int count)
    {
        var vms = VirtualMachines(truth);
        for (var i = 1; i <= count; i++)
        {
            var name = $"web-{i}";
            var copies = vms[name].ToList();
            var running = copies.Where(v => v["running"]!.GetValue<bool>()).ToList();
            Assert.True(running.Count == 1, $"{name} runs {running.Count} times: {truth.ToJsonString()}");
            Assert.Equal(Target, running[0]["namespace"]!.GetValue<string>());
            Assert.All(copies.Where(v => v["namespace"]!.GetValue<string>() == Source), v => Assert.False(v["running"]!.GetValue<bool>()));
        }

        Assert.Empty(truth["vmiLosses"]!.AsArray());
        Assert.Empty(truth["limitViolations"]!.AsArray());
    }

    /// <summary>The simulator's API request count per moved VM, total and by verb and resource (how the evacuation's passes scale).</summary>
    public static string RequestsPerVm(JsonObject truth, int vms)
    {
        var requests = truth["requests"]!;
        var total = requests["total"]!.GetValue<long>();
        var byKind = requests["requests"]!.AsArray().Select(r => $"{r!["verb"]!.GetValue<string>()} {r["resource"]!.GetValue<string>()}"
            + $"{(r["subresource"]!.GetValue<string>() is { Length: > 0 } sub ? "/" + sub : "")}={r["count"]!.GetValue<long>()}");
        return $"API requests: {total} in all, {(double)total / vms:F1} per VM ({string.Join(", ", byKind)})";
    }
}
