using System.Globalization;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>
/// kube-apiserver's printers for the core types drain-sim serves (nodes, pods, namespaces), and its default for types
/// without one (NAME, CREATED AT).
/// </summary>
internal static class CoreTablePrinters
{
    private const string RoleLabelPrefix = "node-role.kubernetes.io/";
    private const string LegacyRoleLabel = "kubernetes.io/role";

    private static readonly TableColumn Age = new("Age", "string", "How long ago the object was created.");

    public static TablePrinter Nodes { get; } = new(
        [
            TableColumn.ObjectName,
            new TableColumn("Status", "string", "The status of the node"),
            new TableColumn("Roles", "string", "The roles of the node"),
            Age,
            new TableColumn("Version", "string", "The kubelet version the node reports."),
            new TableColumn("Internal-IP", "string", "The node's InternalIP address.", Priority: 1),
            new TableColumn("External-IP", "string", "The node's ExternalIP address.", Priority: 1),
            new TableColumn("OS-Image", "string", "The operating system image the node reports.", Priority: 1),
            new TableColumn("Kernel-Version", "string", "The kernel version the node reports.", Priority: 1),
            new TableColumn("Container-Runtime", "string", "The container runtime and its version.", Priority: 1),
        ],
        (node, now) =>
        [
            ObjectFields.Name(node),
            NodeStatus(node),
            NodeRoles(node),
            ObjectFields.Age(node, now),
            ObjectFields.Text(node, "status", "nodeInfo", "kubeletVersion"),
            NodeAddress(node, "InternalIP"),
            NodeAddress(node, "ExternalIP"),
            ObjectFields.Text(node, "status", "nodeInfo", "osImage") ?? "<unknown>",
            ObjectFields.Text(node, "status", "nodeInfo", "kernelVersion") ?? "<unknown>",
            ObjectFields.Text(node, "status", "nodeInfo", "containerRuntimeVersion") ?? "<unknown>",
        ]);

    public static TablePrinter Pods { get; } = new(
        [
            TableColumn.ObjectName,
            new TableColumn("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
            new TableColumn("Status", "string", "The aggregate status of the containers in this pod."),
            new TableColumn("Restarts", "string", "How many times the pod's containers have been restarted."),
            Age,
            new TableColumn("IP", "string", "The pod's IP address.", Priority: 1),
            new TableColumn("Node", "string", "The node the pod is bound to.", Priority: 1),
            new TableColumn("Nominated Node", "string", "The node the scheduler nominated for the pod.", Priority: 1),
            new TableColumn("Readiness Gates", "string", "The pod's readiness gates.", Priority: 1),
        ],
        (pod, now) =>
        [
            ObjectFields.Name(pod),
            PodReady(pod),
            PodStatus(pod),
            ObjectFields.Items(pod, "status", "containerStatuses")
                .Sum(c => ObjectFields.At(c, "restartCount")?.GetValue<int>() ?? 0).ToString(CultureInfo.InvariantCulture),
            ObjectFields.Age(pod, now),
            ObjectFields.Text(pod, "status", "podIP") ?? "<none>",
            ObjectFields.Text(pod, "spec", "nodeName") ?? "<none>",
            ObjectFields.Text(pod, "status", "nominatedNodeName") ?? "<none>",
            "<none>",
        ]);

    public static TablePrinter Namespaces { get; } = new(
        [
            TableColumn.ObjectName,
            new TableColumn("Status", "string", "The status of the namespace"),
            Age,
        ],
        (ns, now) => [ObjectFields.Name(ns), ObjectFields.Text(ns, "status", "phase"), ObjectFields.Age(ns, now)]);

    /// <summary>kube-apiserver's default for a type without a printer: the name and the creation time (RFC 3339).</summary>
    public static TablePrinter Default { get; } = new(
        [TableColumn.ObjectName, new TableColumn("Created At", "date", "When the object was created.")],
        (obj, _) => [ObjectFields.Name(obj), ObjectFields.Text(obj, "metadata", "creationTimestamp")]);

    private static string NodeStatus(JsonObject node)
    {
        var status = ObjectFields.ConditionStatus(node, "Ready") switch
        {
            "True" => "Ready",
            "False" => "NotReady",
            _ => "Unknown",
        };
        return ObjectFields.IsTrue(node, "spec", "unschedulable") ? status + ",SchedulingDisabled" : status;
    }

    private static string NodeRoles(JsonObject node)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        if (ObjectFields.At(node, "metadata", "labels") is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                if (key.StartsWith(RoleLabelPrefix, StringComparison.Ordinal) && key.Length > RoleLabelPrefix.Length)
                {
                    roles.Add(key[RoleLabelPrefix.Length..]);
                }
                else if (key == LegacyRoleLabel && value?.GetValue<string>() is { Length: > 0 } role)
                {
                    roles.Add(role);
                }
            }
        }

        return roles.Count == 0 ? "<none>" : string.Join(',', roles);
    }

    private static string NodeAddress(JsonObject node, string type) =>
        ObjectFields.Items(node, "status", "addresses").FirstOrDefault(a => ObjectFields.Text(a, "type") == type) is { } address
            ? ObjectFields.Text(address, "address") ?? "<none>"
            : "<none>";

    private static string PodReady(JsonObject pod)
    {
        var total = ObjectFields.Items(pod, "spec", "containers").Count();
        var ready = ObjectFields.Items(pod, "status", "containerStatuses").Count(c => ObjectFields.IsTrue(c, "ready"));
        return string.Create(CultureInfo.InvariantCulture, $"{ready}/{total}");
    }

    /// <summary>The pod's phase, or its reason (e.g. <c>Evicted</c>), or <c>Terminating</c> once deletion began.</summary>
    private static string PodStatus(JsonObject pod)
    {
        if (ObjectFields.Text(pod, "metadata", "deletionTimestamp") is not null)
        {
            return "Terminating";
        }

        return ObjectFields.Text(pod, "status", "reason") ?? ObjectFields.Text(pod, "status", "phase") ?? "Unknown";
    }
}
