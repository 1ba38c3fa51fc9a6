using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// Client writes of nodes/NAME/status: conditions of the client's own types (DrainInProgress, Drained, any a
/// controller publishes) are stored as sent; the kubelet's (Ready and the pressures) and every other status field belong
/// to the model and may not change. The model keeps client conditions when it rewrites the node (NodeRenderer).
/// </summary>
internal static class NodeStatusWrites
{
    /// <summary>The condition types the simulated kubelet writes.</summary>
    public static IReadOnlySet<string> KubeletConditions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Ready", "MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable",
    };

    public static AdmissionResult Admit(AdmissionRequest request)
    {
        var name = ObjectDiff.Name(request.Object);
        var before = ObjectDiff.Find(request.OldObject?.ToJsonObject(), "status") as JsonObject;
        var after = ObjectDiff.Find(request.Object, "status") as JsonObject;
        var fields = new HashSet<string>(StringComparer.Ordinal);
        fields.UnionWith((before ?? []).Select(p => p.Key));
        fields.UnionWith((after ?? []).Select(p => p.Key));
        fields.Remove("conditions");
        var changed = fields.Where(f => !JsonNode.DeepEquals(before?[f], after?[f])).Select(f => "status." + f).ToList();
        var kubelet = KubeletConditions.Where(t => !JsonNode.DeepEquals(Condition(before, t), Condition(after, t)))
            .Select(t => $"status.conditions[type={t}]");
        changed.AddRange(kubelet);
        return changed.Count == 0
            ? AdmissionResult.Allow
            : AdmissionResult.Deny(ModelDenials.FieldNotModelled(request.Type, name, changed[0],
                $"the simulated kubelet writes {string.Join(", ", changed)}; clients may set conditions of their own types only " +
                "(inject NotReady and reboots through /sim/v1/cluster-faults)"));
    }

    private static JsonNode? Condition(JsonObject? status, string type) =>
        (status?["conditions"] as JsonArray)?.FirstOrDefault(c => (c as JsonObject)?["type"]?.GetValue<string>() == type);
}
