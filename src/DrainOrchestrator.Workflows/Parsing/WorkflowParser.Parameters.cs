using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

public static partial class WorkflowParser
{
    // The parameters are read before anything else, since every other field may reference them.
    private static List<ParameterDefinition> ParametersOf(YamlNode root, string file, List<WorkflowProblem> problems)
    {
        var result = new List<ParameterDefinition>();
        if (root is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode("parameters"), out var node))
        {
            return result;
        }

        var scope = new YamlScope(file, ParameterBinding.Bind([], null, default, (_, _, _) => { }));
        if (node is not YamlMappingNode parameters)
        {
            scope.Problem(node, "parameters", "must be a mapping of parameter names to {type, default, description}");
            problems.AddRange(scope.Problems);
            return result;
        }

        foreach (var (keyNode, value) in parameters.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var path = "parameters." + name;
            if (!ParameterName().IsMatch(name))
            {
                scope.Problem(keyNode, path, $"a parameter name starts with a letter and holds letters, digits and '_', was '{name}'");
                continue;
            }

            var fields = scope.Fields(value, path, "type", "default", "description");
            var type = fields.TryGetValue("type", out var t) ? scope.Choice<ParameterType>(t, path + ".type") : ParameterType.String;
            object? defaultValue = null;
            if (type is { } known && fields.TryGetValue("default", out var d))
            {
                defaultValue = d is YamlSequenceNode list && known == ParameterType.StringList
                    ? scope.Strings(list, path + ".default")
                    : scope.Text(d, path + ".default") is { } text ? ParameterBinding.Typed(known, text) : null;
                if (defaultValue is null && d is YamlScalarNode)
                {
                    scope.Problem(d, path + ".default", $"must be {ParameterBinding.Describe(known)}");
                }
            }

            var description = fields.TryGetValue("description", out var desc) ? scope.Text(desc, path + ".description") : null;
            if (type is { } ok)
            {
                result.Add(new ParameterDefinition(name, ok, defaultValue, description, scope.At(keyNode)));
            }
        }

        problems.AddRange(scope.Problems);
        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();
}
