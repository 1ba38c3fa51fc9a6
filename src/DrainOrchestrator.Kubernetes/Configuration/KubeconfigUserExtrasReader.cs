using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Reads <see cref="KubeconfigUserExtras"/> from a file KubernetesClient has already accepted.</summary>
internal static class KubeconfigUserExtrasReader
{
    public static IReadOnlyDictionary<string, KubeconfigUserExtras> Read(YamlMappingNode root, string directory)
    {
        var extras = new Dictionary<string, KubeconfigUserExtras>(StringComparer.Ordinal);
        if (Child(root, "users") is not YamlSequenceNode users)
        {
            return extras;
        }

        foreach (var entry in users.Children.OfType<YamlMappingNode>())
        {
            if (Scalar(entry, "name") is not { Length: > 0 } name || Child(entry, "user") is not YamlMappingNode user)
            {
                continue;
            }

            var tokenFile = KubeconfigPaths.Resolve(Scalar(user, "tokenFile"), directory);
            var interactiveMode = Child(user, "exec") is YamlMappingNode exec ? Scalar(exec, "interactiveMode") : null;
            if (tokenFile is not null || interactiveMode is not null)
            {
                extras.TryAdd(name, new KubeconfigUserExtras(tokenFile, interactiveMode));
            }
        }

        return extras;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode mapping, string key)
        => Child(mapping, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
