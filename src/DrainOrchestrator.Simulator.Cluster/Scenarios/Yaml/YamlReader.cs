using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Typed reads from a YAML representation tree that record every problem with its line instead of stopping at the
/// first one. A failed read returns null and the caller carries on, so one pass reports everything.
/// </summary>
internal sealed class YamlReader(string file)
{
    public List<ScenarioError> Errors { get; } = [];

    public string File { get; } = file;

    public void Error(YamlNode node, string message) =>
        Errors.Add(new ScenarioError(File, node.Start.Line, node.Start.Column, message));

    /// <summary>The mapping's fields by key; unknown keys are reported.</summary>
    public Dictionary<string, YamlNode> Fields(YamlNode node, string what, params string[] allowed)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            Error(node, $"{what} must be a mapping");
            return fields;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, $"unknown field \"{key}\" in {what} (expected one of: {string.Join(", ", allowed)})");
                continue;
            }

            fields[key] = value;
        }

        return fields;
    }

    public IEnumerable<YamlNode> Items(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        Error(node, $"{what} must be a list");
        return [];
    }

    public string? Str(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Error(node, $"{what} must be a non-empty string");
        return null;
    }

    public string? RequiredStr(Dictionary<string, YamlNode> fields, string key, YamlNode parent, string what)
    {
        if (fields.TryGetValue(key, out var node))
        {
            return Str(node, $"{what}.{key}");
        }

        Error(parent, $"{what} is missing required field \"{key}\"");
        return null;
    }

    public int? Int(YamlNode node, string what, int min = int.MinValue)
    {
        if (node is YamlScalarNode { Value: var text }
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min)
            {
                return value;
            }

            Error(node, $"{what} must be at least {min}, was {value}");
            return null;
        }

        Error(node, $"{what} must be an integer, was \"{Scalar(node)}\"");
        return null;
    }

    public double? Number(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: var text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Error(node, $"{what} must be a non-negative number, was \"{Scalar(node)}\"");
        return null;
    }

    public bool? Bool(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: var text } && bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, $"{what} must be true or false, was \"{Scalar(node)}\"");
        return null;
    }

    public long? Bytes(YamlNode node, string what)
    {
        if (Quantities.TryParseBytes(Scalar(node), out var bytes) && bytes >= 0)
        {
            return bytes;
        }

        Error(node, $"{what} must be a quantity such as 8Gi or 512Mi, was \"{Scalar(node)}\"");
        return null;
    }

    public long? Bandwidth(YamlNode node, string what)
    {
        if (Quantities.TryParseBandwidth(Scalar(node), out var rate) && rate >= 0)
        {
            return rate;
        }

        Error(node, $"{what} must be a bandwidth such as 10Gbit or 1250Mi (bytes per second), was \"{Scalar(node)}\"");
        return null;
    }

    public TimeSpan? Duration(YamlNode node, string what, TimeSpan plainUnit)
    {
        if (Quantities.TryParseDuration(Scalar(node), plainUnit, out var duration))
        {
            return duration;
        }

        Error(node, $"{what} must be a duration such as 150s, 5m or 300ms, was \"{Scalar(node)}\"");
        return null;
    }

    public TEnum? Enum<TEnum>(YamlNode node, string what)
        where TEnum : struct, Enum
    {
        var text = Scalar(node);
        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        Error(node, $"{what} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}, was \"{text}\"");
        return null;
    }

    public IReadOnlyDictionary<string, string> Labels(YamlNode node, string what)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            Error(node, $"{what} must be a mapping of string to string");
            return labels;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } k } && value is YamlScalarNode { Value: var v })
            {
                labels[k] = v ?? string.Empty;
            }
            else
            {
                Error(key, $"{what} must map strings to strings");
            }
        }

        return labels;
    }

    public static string Scalar(YamlNode node) => (node as YamlScalarNode)?.Value ?? string.Empty;
}
