using System.Net;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>The requests of a decentralized move over HTTPS, shaped as kubectl sends them (the README's sequence).</summary>
public static class DecentralizedApi
{
    public const string KubeVirtCr = "/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt";

    public static string DataVolumes(string ns) => $"/apis/cdi.kubevirt.io/v1beta1/namespaces/{ns}/datavolumes";

    public static string Pvcs(string ns) => $"/api/v1/namespaces/{ns}/persistentvolumeclaims";

    public static string Vms(string ns) => $"/apis/kubevirt.io/v1/namespaces/{ns}/virtualmachines";

    public static string Vmis(string ns) => $"/apis/kubevirt.io/v1/namespaces/{ns}/virtualmachineinstances";

    public static string Vmims(string ns) => $"/apis/kubevirt.io/v1/namespaces/{ns}/virtualmachineinstancemigrations";

    public static Task<(HttpStatusCode Code, JsonObject Body)> SetFeatureGatesAsync(this HttpClient client, params string[] gates) =>
        client.SendJsonAsync(HttpMethod.Patch, KubeVirtCr, new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["configuration"] = new JsonObject
                {
                    ["developerConfiguration"] = new JsonObject { ["featureGates"] = new JsonArray([.. gates.Select(g => (JsonNode?)g)]) },
                },
            },
        }, "application/merge-patch+json");

    public static JsonObject BlankDataVolume(string ns, string name, string size, string? storageClass = null) => new()
    {
        ["apiVersion"] = "cdi.kubevirt.io/v1beta1",
        ["kind"] = "DataVolume",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["annotations"] = new JsonObject { ["cdi.kubevirt.io/storage.usePopulator"] = "true" },
        },
        ["spec"] = new JsonObject
        {
            ["source"] = new JsonObject { ["blank"] = new JsonObject() },
            ["storage"] = new JsonObject
            {
                ["storageClassName"] = storageClass,
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } },
            },
        },
    };

    public static JsonObject ReceiverVm(string ns, string name, string memory, string dataVolume, string? macAddress = null)
    {
        var vm = ReceiverVmWithoutMac(ns, name, memory, dataVolume);
        if (macAddress is not null)
        {
            vm["spec"]!["template"]!["spec"]!["domain"]!["devices"]!["interfaces"] =
                new JsonArray(new JsonObject { ["name"] = "default", ["masquerade"] = new JsonObject(), ["macAddress"] = macAddress });
            vm["spec"]!["template"]!["spec"]!["networks"] = new JsonArray(new JsonObject { ["name"] = "default", ["pod"] = new JsonObject() });
        }

        return vm;
    }

    private static JsonObject ReceiverVmWithoutMac(string ns, string name, string memory, string dataVolume) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachine",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["annotations"] = new JsonObject { ["kubevirt.io/restore-run-strategy"] = "Always" },
        },
        ["spec"] = new JsonObject
        {
            ["runStrategy"] = "WaitAsReceiver",
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject
                {
                    ["evictionStrategy"] = "LiveMigrate",
                    ["domain"] = new JsonObject
                    {
                        ["memory"] = new JsonObject { ["guest"] = memory },
                        ["devices"] = new JsonObject
                        {
                            ["disks"] = new JsonArray(new JsonObject { ["name"] = "root", ["disk"] = new JsonObject { ["bus"] = "virtio" } }),
                        },
                    },
                    ["volumes"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "root",
                        ["dataVolume"] = new JsonObject { ["name"] = dataVolume },
                    }),
                },
            },
        },
    };

    public static JsonObject ReceiverVmim(string ns, string name, string vmi, string migrationId) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstanceMigration",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["vmiName"] = vmi,
            ["receive"] = new JsonObject { ["migrationID"] = migrationId },
        },
    };

    public static JsonObject SourceVmim(string ns, string name, string vmi, string migrationId, string connectUrl) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstanceMigration",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["vmiName"] = vmi,
            ["sendTo"] = new JsonObject { ["migrationID"] = migrationId, ["connectURL"] = connectUrl },
        },
    };

    public static async Task<JsonObject> CreateAsync(this HttpClient client, string path, JsonObject body)
    {
        var (code, created) = await client.SendJsonAsync(HttpMethod.Post, path, body);
        Assert.True(code == HttpStatusCode.Created, $"POST {path}: {code} {created.ToJsonString()}");
        return created;
    }
}
