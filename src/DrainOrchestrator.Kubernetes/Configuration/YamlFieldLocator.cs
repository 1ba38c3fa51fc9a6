using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Names the kubeconfig field at a position of the YAML text (<c>clusters[0].cluster.server</c>), so that a value
/// KubernetesClient's deserializer refused is reported by field rather than by line and column only.
/// </summary>
internal static class YamlFieldLocator
{
    /// <summary>
    /// The path of the last entry that starts at or before <paramref name="position"/>, level by level. (The end marks of
    /// flow collections are not reliable, so only start marks are compared.)
    /// </summary>
    public static string? Locate(YamlNode root, Mark position)
    {
        var path = "";
        var node = root;
        while (true)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    var entry = mapping.Children.LastOrDefault(c => c.Key.Start.Index <= position.Index);
                    if (entry.Key is null)
                    {
                        return Result(path);
                    }

                    var name = entry.Key is YamlScalarNode { Value: { } text } ? text : "?";
                    path = path.Length == 0 ? name : $"{path}.{name}";
                    if (position.Index < entry.Value.Start.Index)
                    {
                        return path;
                    }

                    node = entry.Value;
                    break;
                case YamlSequenceNode sequence:
                    var index = sequence.Children.ToList().FindLastIndex(c => c.Start.Index <= position.Index);
                    if (index < 0)
                    {
                        return Result(path);
                    }

                    path = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
                    node = sequence.Children[index];
                    break;
                default:
                    return Result(path);
            }
        }
    }

    private static string? Result(string path) => path.Length == 0 ? null : path;
}
