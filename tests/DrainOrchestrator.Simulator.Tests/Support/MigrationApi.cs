using System.Net;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>VMIM and VMI helpers over the raw HTTPS API, for the model-backed tests.</summary>
public static class MigrationApi
{
    public const string Vmims = "/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstancemigrations";
    public const string Vmis = "/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances";

    public static Task<(HttpStatusCode Code, JsonObject Body)> CreateVmimAsync(
        this HttpClient client, string name, string vmi, JsonObject? addedNodeSelector = null)
    {
        var vmim = TestObjects.Vmim(name, vmi);
        if (addedNodeSelector is not null)
        {
            vmim["spec"]!["addedNodeSelector"] = addedNodeSelector;
        }

        return client.SendJsonAsync(HttpMethod.Post, Vmims, vmim);
    }

    public static async Task<JsonObject?> GetVmimAsync(this HttpClient client, string name)
    {
        var (code, body) = await client.GetJsonAsync($"{Vmims}/{name}");
        return code == HttpStatusCode.OK ? body : null;
    }

    public static async Task<JsonObject> GetVmiAsync(this HttpClient client, string name)
    {
        var (code, body) = await client.GetJsonAsync($"{Vmis}/{name}");
        Assert.Equal(HttpStatusCode.OK, code);
        return body;
    }

    // Null when the body has no object status: a 404's Status body carries "status": "Failure" (a string), which a wait
    // for a phase reads as "not yet".
    public static string? Phase(this JsonObject obj) => obj["status"] is JsonObject status ? status["phase"]?.GetValue<string>() : null;

    /// <summary>Waits until the VMIM is in one of <paramref name="phases"/>; returns it.</summary>
    public static Task<JsonObject> WaitForPhaseAsync(this HttpClient client, string name, params string[] phases) =>
        Eventually.UntilAsync(async () => await client.GetVmimAsync(name) is { } vmim && phases.Contains(vmim.Phase()) ? vmim : null,
            $"VMIM {name} to reach {string.Join(" or ", phases)}");

    public static async Task<JsonObject> GroundTruthAsync(this HttpClient client)
    {
        var (code, body) = await client.GetJsonAsync("/sim/v1/ground-truth");
        Assert.Equal(HttpStatusCode.OK, code);
        return body;
    }

    public static JsonObject Truth(this JsonObject groundTruth, string vmim) =>
        groundTruth["migrations"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == vmim)!.AsObject();
}
