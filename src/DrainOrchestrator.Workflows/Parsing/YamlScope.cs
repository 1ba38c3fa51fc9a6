using System.Globalization;
using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>
/// Reads YAML nodes of one file into typed values, collecting every problem with its file:line:column instead of
/// stopping at the first; parameter references (<c>${params.NAME}</c>) in scalars are replaced by the bound values first.
/// </summary>
internal sealed class YamlScope(string file, ParameterBinding parameters)
{
    private readonly List<WorkflowProblem> _problems = [];

    public IReadOnlyList<WorkflowProblem> Problems => _problems;

    public ParameterBinding Parameters => parameters;

    public SourcePosition At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Problem(YamlNode node, string path, string message) => _problems.Add(new WorkflowProblem(At(node), path, message));

    public void Problem(SourcePosition position, string path, string message) => _problems.Add(new WorkflowProblem(position, path, message));

    /// <summary>The mapping's fields by name; unknown ones are problems naming the known ones.</summary>
    public Dictionary<string, YamlNode> Fields(YamlNode node, string path, params string[] known)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, path, "must be a mapping (key: value lines)");
            return fields;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Problem(keyNode, Join(path, key), $"unknown field '{key}'; the fields here are {string.Join(", ", known)}");
                continue;
            }

            fields[key] = value;
        }

        return fields;
    }

    /// <summary>A scalar's text with parameter references replaced; null (after a problem) when it is not a scalar.</summary>
    public string? Text(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            Problem(node, path, "must be a single value, not a list or mapping");
            return null;
        }

        return parameters.Substitute(scalar.Value ?? string.Empty, this, node, path);
    }

    public string? Required(Dictionary<string, YamlNode> fields, YamlNode owner, string path, string name)
    {
        if (fields.TryGetValue(name, out var node))
        {
            return Text(node, Join(path, name));
        }

        Problem(owner, Join(path, name), $"'{name}' is required");
        return null;
    }

    public int? Integer(YamlNode node, string path, int minimum)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            Problem(node, path, $"must be a whole number of at least {minimum}, was '{text}'");
            return null;
        }

        return value;
    }

    public bool? Boolean(YamlNode node, string path)
    {
        var text = Text(node, path);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail<bool?>(node, path, $"must be true or false, was '{text}'"),
        };
    }

    public TimeSpan? Duration(YamlNode node, string path, bool allowZero = false)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        var value = DurationText.Parse(text);
        return value is { } d && (allowZero || d > TimeSpan.Zero) ? d
            : Fail<TimeSpan?>(node, path, $"must be a duration such as 90s, 5m, 1h30m or 2d{(allowZero ? string.Empty : " (more than zero)")}, was '{text}'");
    }

    public Uri? Url(YamlNode node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
            : Fail<Uri?>(node, path, $"must be an http or https URL, was '{text}'");
    }

    /// <summary>One of <typeparamref name="T"/>'s values written in camelCase.</summary>
    public T? Choice<T>(YamlNode node, string path)
        where T : struct, Enum
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        var names = Enum.GetNames<T>().Select(Camel).ToList();
        var index = names.IndexOf(text);
        return index >= 0 ? Enum.GetValues<T>()[index] : Fail<T?>(node, path, $"must be {string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}, was '{text}'");
    }

    public List<string> Strings(YamlNode node, string path)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.Select((n, i) => Text(n, $"{path}[{i}]")).OfType<string>().ToList();
        }

        Problem(node, path, "must be a list");
        return [];
    }

    public static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    public static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private T Fail<T>(YamlNode node, string path, string message)
    {
        Problem(node, path, message);
        return default!;
    }
}
