using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>The <c>steps</c> of a workflow: each a mapping with <c>id</c>, <c>kind</c>, optional <c>onFailure</c>, and its kind's fields.</summary>
internal static partial class StepParser
{
    private static readonly string[] Common = ["id", "kind", "onFailure"];

    /// <summary>The fields each kind takes besides <see cref="Common"/>.</summary>
    public static IReadOnlyDictionary<StepKind, string[]> FieldsOf { get; } = new Dictionary<StepKind, string[]>
    {
        [StepKind.SelectNodes] = ["names", "selector", "zone"],
        [StepKind.ForEachBatch] = ["batchSize", "maxUnavailable", "order", "orderLabel", "allowMultipleZones", "steps"],
        [StepKind.Cordon] = [],
        [StepKind.Drain] = [],
        [StepKind.WaitFor] = ["condition", "timeout"],
        [StepKind.Approval] = ["message", "timeout"],
        [StepKind.AlertGate] = ["prometheusUrl", "query", "interval", "timeout"],
        [StepKind.Hook] = ["url", "phase", "retries", "timeout", "retryDelay"],
        [StepKind.Soak] = ["duration"],
        [StepKind.Uncordon] = [],
        [StepKind.Report] = [],
        [StepKind.Notify] = ["url", "format", "message"],
        [StepKind.Moveback] = [],
        [StepKind.Evacuate] = ["fromNamespace", "toNamespace", "vms", "selector", "maxAttempts", "keepReceiversOnFailure", "storageClass"],
    };

    public static List<StepDefinition> Steps(YamlScope scope, YamlNode node, string path, bool nested)
    {
        var steps = new List<StepDefinition>();
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            scope.Problem(node, path, "must be a non-empty list of steps");
            return steps;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (Step(scope, list.Children[i], $"{path}[{i}]", nested) is { } step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    /// <summary>Step ids are unique in the whole workflow (nested ones included): approvals and the journal name steps by id.</summary>
    public static void CheckIds(YamlScope scope, IReadOnlyList<StepDefinition> steps)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var step in Flatten(steps))
        {
            if (!seen.TryAdd(step.Id, step.Position))
            {
                scope.Problem(step.Position, "id", $"step id '{step.Id}' is used twice (first at {seen[step.Id]}); ids are unique in a workflow");
            }
        }
    }

    public static IEnumerable<StepDefinition> Flatten(IEnumerable<StepDefinition> steps) =>
        steps.SelectMany(s => s is ForEachBatchStep batch ? Flatten(batch.Steps).Prepend(s) : [s]);

    private static StepDefinition? Step(YamlScope scope, YamlNode node, string path, bool nested)
    {
        if (node is not YamlMappingNode mapping)
        {
            scope.Problem(node, path, "a step must be a mapping with id and kind");
            return null;
        }

        var kindNode = mapping.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "kind").Value;
        var kindText = kindNode is null ? null : scope.Text(kindNode, path + ".kind");
        StepKind? kind = null;
        if (kindNode is null)
        {
            scope.Problem(node, path + ".kind", "'kind' is required: " + KindList);
        }
        else if (kindText is not null)
        {
            kind = Enum.GetValues<StepKind>().Cast<StepKind?>().FirstOrDefault(k => YamlScope.Camel(k!.Value.ToString()) == kindText);
            if (kind is null)
            {
                scope.Problem(kindNode, path + ".kind", $"unknown step kind '{kindText}': {KindList}");
            }
        }

        var fields = scope.Fields(node, path, [.. Common, .. kind is { } k ? FieldsOf[k] : FieldsOf.Values.SelectMany(f => f).Distinct()]);
        var id = scope.Required(fields, node, path, "id");
        if (id is not null && !StepId().IsMatch(id))
        {
            scope.Problem(fields["id"], path + ".id", $"a step id holds lowercase letters, digits and '-', was '{id}'");
        }

        var onFailure = fields.TryGetValue("onFailure", out var f) ? scope.Choice<StepFailurePolicy>(f, path + ".onFailure") : StepFailurePolicy.Stop;
        if (kind is not { } known || id is null || onFailure is not { } failure)
        {
            return null;
        }

        if (known == StepKind.ForEachBatch && nested)
        {
            scope.Problem(kindNode!, path + ".kind", "forEachBatch cannot be nested inside another forEachBatch");
            return null;
        }

        if (known == StepKind.SelectNodes && nested)
        {
            scope.Problem(kindNode!, path + ".kind", "selectNodes belongs at the top level, before the forEachBatch that uses its nodes");
            return null;
        }

        if (known == StepKind.Moveback && nested)
        {
            scope.Problem(kindNode!, path + ".kind", "moveback belongs at the top level, after the forEachBatch whose drains it returns");
            return null;
        }

        if (known == StepKind.Evacuate && nested)
        {
            scope.Problem(kindNode!, path + ".kind", "evacuate belongs at the top level: it moves a namespace's VMs, not a batch's nodes");
            return null;
        }

        return Build(scope, known, id, failure, scope.At(node), fields, node, path);
    }

    private static string KindList => "the step kinds are " + string.Join(", ", Enum.GetNames<StepKind>().Select(YamlScope.Camel));

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial System.Text.RegularExpressions.Regex StepId();
}
