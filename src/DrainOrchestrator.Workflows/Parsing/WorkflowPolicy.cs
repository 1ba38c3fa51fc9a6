using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Policy;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>
/// A workflow's <c>policy</c>: the drain policy with the same field names as the API's JSON and drainctl's options,
/// read by the same <see cref="PolicyDocument"/>; each problem is placed at the field that caused it (a budget's at its
/// item of <c>budgets</c>, see <see cref="BudgetsYaml"/>).
/// </summary>
internal static class WorkflowPolicy
{
    /// <summary>Limits no cluster is below: what holds on any cluster is checked when a workflow is read.</summary>
    internal static readonly ClusterMigrationConfig AnyCluster =
        ClusterMigrationConfig.KubeVirtDefaults with { ParallelMigrationsPerCluster = int.MaxValue, ParallelOutboundMigrationsPerNode = int.MaxValue };

    public static DrainPolicy Read(YamlScope scope, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            scope.Problem(node, "policy", "must be a mapping of drain policy fields");
            return new DrainPolicy();
        }

        var document = new JsonObject();
        var where = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (key == "budgets")
            {
                // A list, not a scalar: its items' problems are placed at the items.
                where[key] = keyNode;
                document[key] = BudgetsYaml.Read(scope, value, "policy.budgets");
                continue;
            }

            var text = scope.Text(value, "policy." + key);
            if (text is null)
            {
                continue;
            }

            where[key] = keyNode;
            document[key] = Json(PolicyFields.FindByWire(key)?.Kind, text);
        }

        using var json = JsonDocument.Parse(document.ToJsonString());
        var policy = PolicyDocument.Parse(json.RootElement, out var shape);
        // The cluster's limits are checked when the workflow runs; what holds on any cluster is checked here.
        var problems = shape.Concat(policy.Validate(AnyCluster)).Where(p => !p.Field.StartsWith("Budgets[", StringComparison.Ordinal));
        foreach (var problem in problems)
        {
            var field = PolicyFields.FindByPath(problem.Field)?.Wire ?? problem.Field;
            var message = problem.Render(path => PolicyFields.FindByPath(path)?.Wire ?? path, path => PolicyFields.FindByPath(path)?.Show(policy));
            scope.Problem(where.GetValueOrDefault(field) ?? node, "policy." + field, message);
        }

        return policy;
    }

    // YAML scalars are text; each field's value goes to the document as the JSON kind that field takes.
    private static JsonValue Json(PolicyValueKind? kind, string text) => kind switch
    {
        PolicyValueKind.Count when long.TryParse(text, out var n) => JsonValue.Create(n),
        PolicyValueKind.Seconds when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d) => JsonValue.Create(d),
        PolicyValueKind.Switch when text is "true" or "false" => JsonValue.Create(text == "true"),
        _ => JsonValue.Create(text),
    };
}
