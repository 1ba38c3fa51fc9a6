using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Workflows.Definitions;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>Choosing a workflow's nodes and forming its batches, from the cluster as the informers show it.</summary>
internal static class NodeSelection
{
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    /// <summary>The nodes a selectNodes step names: every given criterion must hold; sorted by name.</summary>
    public static List<string> Select(ClusterState cluster, SelectNodesStep step, out List<string> problems)
    {
        problems = [.. step.Names.Where(n => cluster.FindNode(n) is null).Select(n => $"node '{n}' does not exist in the cluster")];
        var selector = NodeLabelSelector.Terms(step.Selector);
        return cluster.Nodes
            .Where(n => step.Names.Count == 0 || step.Names.Contains(n.Metadata.Name!, StringComparer.Ordinal))
            .Where(n => selector.All(t => Matches(n, t)))
            .Where(n => step.Zone is null || Label(n, ZoneLabel) == step.Zone)
            .Select(n => n.Metadata.Name!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The nodes the workflow's selectNodes steps name that the cluster does not have, each a problem at the step's
    /// <c>file:line:column</c>: checked before an instance or a schedule is recorded, so a typo is refused when it is
    /// written rather than when the step runs (for a schedule, at its first window).
    /// </summary>
    public static List<WorkflowProblem> UnknownNodes(ClusterState cluster, WorkflowDefinition definition)
    {
        var problems = new List<WorkflowProblem>();
        List<string>? zones = null;
        foreach (var step in Flatten(definition.Steps).OfType<SelectNodesStep>())
        {
            problems.AddRange(step.Names.Where(n => cluster.FindNode(n) is null).Select(n => new WorkflowProblem(step.Position, $"steps.{step.Id}.names",
                $"node '{n}' does not exist in the cluster; correct the name or the parameter that gives it (kubectl get nodes lists them)")));
            // A zone no node is in is a typo as surely as an unknown name (zones do not come and go between windows).
            if (step.Zone is not { } zone)
            {
                continue;
            }

            zones ??= [.. cluster.Nodes.Select(n => Label(n, ZoneLabel)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            if (!zones.Contains(zone, StringComparer.Ordinal))
            {
                problems.Add(new WorkflowProblem(step.Position, $"steps.{step.Id}.zone",
                    $"no node is in zone '{zone}' ({ZoneLabel}); the cluster's zones are {(zones.Count == 0 ? "none" : string.Join(", ", zones))}"));
            }
        }

        return problems;
    }

    /// <summary>What a selectNodes step asks for, in words: "names a, b, selector 'x=y', zone 'z'".</summary>
    public static string Criteria(SelectNodesStep step) => string.Join(", ", new[]
    {
        step.Names.Count == 0 ? null : "names " + string.Join(", ", step.Names),
        step.Selector is null ? null : $"selector '{step.Selector}'",
        step.Zone is null ? null : $"zone '{step.Zone}'",
    }.OfType<string>());

    /// <summary>
    /// The batches of <paramref name="nodes"/>: the batch size (or maxUnavailable, a count or a percentage of the nodes,
    /// at least 1); zone order keeps each batch within one zone unless the step allows several, zones in name order.
    /// </summary>
    public static List<List<string>> Batches(ClusterState cluster, IReadOnlyList<string> nodes, ForEachBatchStep step)
    {
        var size = step.BatchSize ?? MaxUnavailable(step.MaxUnavailable!, nodes.Count);
        var ordered = step.Order switch
        {
            BatchOrder.Label => nodes.OrderBy(n => LabelOf(cluster, n, step.OrderLabel!), StringComparer.Ordinal).ThenBy(n => n, StringComparer.Ordinal).ToList(),
            BatchOrder.Zone => nodes.OrderBy(n => LabelOf(cluster, n, ZoneLabel), StringComparer.Ordinal).ThenBy(n => n, StringComparer.Ordinal).ToList(),
            _ => nodes.Order(StringComparer.Ordinal).ToList(),
        };
        if (step.Order != BatchOrder.Zone || step.AllowMultipleZones)
        {
            return ordered.Chunk(Math.Max(1, size)).Select(c => c.ToList()).ToList();
        }

        return ordered.GroupBy(n => LabelOf(cluster, n, ZoneLabel), StringComparer.Ordinal)
            .SelectMany(zone => zone.Chunk(Math.Max(1, size)).Select(c => c.ToList()))
            .ToList();
    }

    private static IEnumerable<StepDefinition> Flatten(IEnumerable<StepDefinition> steps) =>
        steps.SelectMany(s => s is ForEachBatchStep each ? Flatten(each.Steps).Prepend(s) : [s]);

    private static int MaxUnavailable(string text, int total) =>
        text.EndsWith('%') ? Math.Max(1, total * int.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture) / 100)
            : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string LabelOf(ClusterState cluster, string node, string key) => cluster.FindNode(node) is { } n ? Label(n, key) ?? string.Empty : string.Empty;

    private static string? Label(Node node, string key) => node.Metadata.Labels?.GetValueOrDefault(key);

    // The term as the parser reads it (NodeLabelSelector): the match cannot read a term otherwise than the check did.
    private static bool Matches(Node node, NodeLabelSelector.Term term)
    {
        var actual = Label(node, term.Key);
        return term.Negated ? actual != term.Value : term.Value is null ? actual is not null : actual == term.Value;
    }
}
