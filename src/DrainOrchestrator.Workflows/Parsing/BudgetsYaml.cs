using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>
/// A list of application budgets written in YAML (or JSON, which YAML reads too): a workflow's <c>policy.budgets</c> and
/// <c>drainctl --budgets-file</c>. Each item is the API's budget object (<c>name</c>, <c>selector</c>, <c>maxInFlight</c>
/// or <c>maxUnavailable</c>) or the command line's <c>NAME=SELECTOR:max=K</c>; it is read by the same
/// <see cref="PolicyDocument"/> as the API's, and every problem is placed at the item that caused it.
/// </summary>
public static class BudgetsYaml
{
    /// <summary>The budgets of a file's <paramref name="text"/> as the policy's JSON list, and every problem (file:line:column).</summary>
    public static (JsonArray Budgets, IReadOnlyList<WorkflowProblem> Problems) Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return ([], [new WorkflowProblem(new SourcePosition(file, (int)ex.Start.Line, (int)ex.Start.Column), string.Empty, "not valid YAML or JSON: " + ex.Message)]);
        }
        catch (InvalidOperationException)
        {
            return ([], [new WorkflowProblem(new SourcePosition(file, 1, 1), string.Empty, "not valid YAML or JSON: an unterminated [list] or {mapping}; check the brackets")]);
        }

        if (stream.Documents.Count != 1)
        {
            return ([], [new WorkflowProblem(new SourcePosition(file, 1, 1), string.Empty, $"a budgets file holds one list of budgets, this one holds {stream.Documents.Count} documents")]);
        }

        var scope = new YamlScope(file, ParameterBinding.Bind([], null, new SourcePosition(file, 1, 1), (_, _, _) => { }));
        var budgets = Read(scope, stream.Documents[0].RootNode, "budgets");
        return (budgets, [.. scope.Problems.OrderBy(p => p.Position.Line).ThenBy(p => p.Position.Column)]);
    }

    /// <summary>The list at <paramref name="node"/> as the policy's JSON budgets, its good items only; problems go to <paramref name="scope"/>.</summary>
    internal static JsonArray Read(YamlScope scope, YamlNode node, string path)
    {
        if (node is not YamlSequenceNode items)
        {
            scope.Problem(node, path, "must be a list of budgets (name, selector, maxInFlight or maxUnavailable), or of NAME=SELECTOR:max=K");
            return [];
        }

        var good = new List<(YamlNode Node, string Path, JsonNode Json)>();
        for (var i = 0; i < items.Children.Count; i++)
        {
            var (item, at) = (items.Children[i], $"{path}[{i}]");
            if (Json(scope, item, at, null) is not { } json)
            {
                continue;
            }

            Parse([json], out var shape);
            foreach (var problem in shape)
            {
                scope.Problem(item, at, ItemMessage(problem.Requirement));
            }

            if (shape.Count == 0)
            {
                good.Add((item, at, json));
            }
        }

        var policy = Parse([.. good.Select(g => g.Json.DeepClone())], out _);
        foreach (var problem in policy.Validate(WorkflowPolicy.AnyCluster).Where(p => p.Field.StartsWith("Budgets[", StringComparison.Ordinal)))
        {
            var close = problem.Field.IndexOf(']', StringComparison.Ordinal);
            var (item, at, _) = good[int.Parse(problem.Field.AsSpan(8, close - 8), CultureInfo.InvariantCulture)];
            scope.Problem(item, at, problem.Render(f => Wire(at, f), _ => null));
        }

        return [.. good.Select(g => g.Json.DeepClone())];
    }

    // One item read alone: its problems read "item 0 ('db'): ..." or "item 0 must ...".
    private static string ItemMessage(string requirement)
    {
        var text = requirement.StartsWith("item 0 ", StringComparison.Ordinal) ? requirement[7..] : requirement;
        var named = text.IndexOf("'): ", StringComparison.Ordinal);
        return text.StartsWith("('", StringComparison.Ordinal) && named > 0 ? $"budget {text[1..(named + 1)]}: {text[(named + 4)..]}" : text;
    }

    private static DrainPolicy Parse(JsonArray budgets, out IReadOnlyList<PolicyProblem> problems)
    {
        using var json = JsonDocument.Parse(new JsonObject { ["budgets"] = budgets }.ToJsonString());
        return PolicyDocument.Parse(json.RootElement, out problems);
    }

    // Budgets[3].Selector.MatchExpressions[0].Key -> policy.budgets[5].selector.matchExpressions[0].key
    private static string Wire(string at, string field)
    {
        var rest = field[(field.IndexOf(']', StringComparison.Ordinal) + 1)..];
        return at + string.Concat(rest.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => "." + YamlScope.Camel(s)));
    }

    // YAML scalars are text; only the limits are numbers (label values stay strings, as Kubernetes wants them).
    private static JsonNode? Json(YamlScope scope, YamlNode node, string path, string? key)
    {
        switch (node)
        {
            case YamlScalarNode:
                var text = scope.Text(node, path);
                return text is null ? null
                    : key is "maxInFlight" or "maxUnavailable" && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                        ? JsonValue.Create(n) : JsonValue.Create(text);
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Json(scope, sequence.Children[i], $"{path}[{i}]", null));
                }

                return array;
            default:
                var mapping = (YamlMappingNode)node;
                var obj = new JsonObject();
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                    obj[name] = Json(scope, value, YamlScope.Join(path, name), name);
                }

                return obj;
        }
    }
}
