using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Typed access to a YAML mapping that reports a wrong shape with the file and field it is in.</summary>
internal sealed class YamlNodes(string filePath, string fieldPath, YamlMappingNode mapping)
{
    public string FilePath { get; } = filePath;

    public string FieldPath { get; } = fieldPath;

    public string? Scalar(string key)
    {
        var node = Find(key);
        return node switch
        {
            null => null,
            YamlScalarNode scalar when IsNull(scalar) => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Wrong(key, "must be a string"),
        };
    }

    public bool Boolean(string key)
    {
        var text = Scalar(key);
        if (text is null)
        {
            return false;
        }

        return bool.TryParse(text, out var value) ? value : throw Wrong(key, $"must be true or false, was '{text}'");
    }

    public YamlNodes? Mapping(string key) => Find(key) switch
    {
        null => null,
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlMappingNode child => new YamlNodes(FilePath, Join(key), child),
        _ => throw Wrong(key, "must be a mapping"),
    };

    public IReadOnlyList<YamlNode> Sequence(string key) => Find(key) switch
    {
        null => [],
        YamlScalarNode scalar when IsNull(scalar) => [],
        YamlSequenceNode sequence => sequence.Children.ToList(),
        _ => throw Wrong(key, "must be a list"),
    };

    public IReadOnlyList<string> Strings(string key)
    {
        var items = Sequence(key);
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(items[i] is YamlScalarNode { Value: { } value }
                ? value
                : throw Wrong(string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]"), "must be a string"));
        }

        return result;
    }

    public IReadOnlyList<YamlNodes> Mappings(string key)
    {
        var items = Sequence(key);
        var result = new List<YamlNodes>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]");
            result.Add(items[i] is YamlMappingNode child
                ? new YamlNodes(FilePath, Join(field), child)
                : throw Wrong(field, "must be a mapping"));
        }

        return result;
    }

    public KubernetesConfigurationException Wrong(string key, string problem)
        => new(FilePath, null, Join(key), problem);

    public string Join(string key) => FieldPath.Length == 0 ? key : $"{FieldPath}.{key}";

    private YamlNode? Find(string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static bool IsNull(YamlScalarNode scalar)
        => scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";
}
