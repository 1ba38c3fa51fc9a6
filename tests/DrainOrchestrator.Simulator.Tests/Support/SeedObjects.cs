using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>Builders of the objects a seed needs, shaped as Kubernetes v1 and KubeVirt v1 define them.</summary>
public static class SeedObjects
{
    /// <summary>A namespace, phase Active.</summary>
    public static JsonObject Namespace(string name, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = Map(new Dictionary<string, string>(labels ?? new Dictionary<string, string>()) { ["kubernetes.io/metadata.name"] = name }),
        },
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    /// <summary>A Ready, schedulable worker node.</summary>
    public static JsonObject Node(string name, string memory, string kubeletVersion, string address, string now) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = Map(new Dictionary<string, string>
            {
                ["kubernetes.io/hostname"] = name,
                ["kubernetes.io/os"] = "linux",
                ["kubernetes.io/arch"] = "amd64",
                ["node-role.kubernetes.io/worker"] = "",
                ["kubevirt.io/schedulable"] = "true",
            }),
        },
        ["spec"] = new JsonObject(),
        ["status"] = new JsonObject
        {
            ["capacity"] = new JsonObject { ["cpu"] = "32", ["memory"] = memory, ["pods"] = "110" },
            ["allocatable"] = new JsonObject { ["cpu"] = "32", ["memory"] = memory, ["pods"] = "110" },
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = "True",
                ["reason"] = "KubeletReady",
                ["message"] = "kubelet is posting ready status",
                ["lastHeartbeatTime"] = now,
                ["lastTransitionTime"] = now,
            }),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = address },
                new JsonObject { ["type"] = "Hostname", ["address"] = name }),
            ["nodeInfo"] = new JsonObject
            {
                ["kubeletVersion"] = kubeletVersion,
                ["kubeProxyVersion"] = kubeletVersion,
                ["architecture"] = "amd64",
                ["operatingSystem"] = "linux",
                ["osImage"] = "drain-sim",
                ["kernelVersion"] = "6.1.0",
                ["containerRuntimeVersion"] = "containerd://1.7.0",
                ["machineID"] = name,
                ["systemUUID"] = name,
                ["bootID"] = name,
            },
        },
    };

    /// <summary>The KubeVirt CR with the default migration configuration.</summary>
    public static JsonObject KubeVirt() => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "KubeVirt",
        ["metadata"] = new JsonObject { ["name"] = "kubevirt", ["namespace"] = "kubevirt" },
        ["spec"] = new JsonObject
        {
            ["configuration"] = new JsonObject
            {
                ["migrations"] = new JsonObject
                {
                    ["parallelMigrationsPerCluster"] = 5,
                    ["parallelOutboundMigrationsPerNode"] = 2,
                    ["bandwidthPerMigration"] = "0Mi",
                    ["completionTimeoutPerGiB"] = 150,
                    ["progressTimeout"] = 150,
                    ["allowPostCopy"] = false,
                    ["allowAutoConverge"] = false,
                },
            },
        },
        ["status"] = new JsonObject { ["phase"] = "Deployed" },
    };

    /// <summary>A MigrationPolicy selecting VMIs by labels.</summary>
    public static JsonObject MigrationPolicy(string name, IReadOnlyDictionary<string, string> vmiSelector, bool allowPostCopy) => new()
    {
        ["apiVersion"] = "migrations.kubevirt.io/v1alpha1",
        ["kind"] = "MigrationPolicy",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["allowPostCopy"] = allowPostCopy,
            ["selectors"] = new JsonObject { ["virtualMachineInstanceSelector"] = Map(vmiSelector) },
        },
    };

    /// <summary>A JSON object of string values.</summary>
    public static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var map = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        return map;
    }
}
