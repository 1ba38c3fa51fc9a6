using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>Whether a waitFor condition holds on a node.</summary>
internal static class WorkflowConditions
{
    public static bool Holds(Node? node, WaitCondition condition) => node is not null && condition switch
    {
        NodeReady => Ready(node),
        KubeletVersionIs v => Ready(node) && node.Status?.NodeInfo?.KubeletVersion == v.Version,
        LabelIs l => node.Metadata.Labels?.GetValueOrDefault(l.Key) == l.Value,
        NodeConditionIs c => node.Status?.Conditions?.Any(x => x.Type == c.Type && x.Status == c.Status) == true,
        _ => false,
    };

    public static string Describe(WaitCondition condition) => condition switch
    {
        NodeReady => "Ready",
        KubeletVersionIs v => $"Ready on kubelet {v.Version}",
        LabelIs l => $"label {l.Key}={l.Value}",
        NodeConditionIs c => $"condition {c.Type}={c.Status}",
        _ => condition.ToString() ?? string.Empty,
    };

    private static bool Ready(Node node) => node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
}
