using k8s;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Reads one kubeconfig file through KubernetesClient's model (<see cref="KubernetesYaml"/>), reports every structural
/// problem of the file at once by field, and makes relative paths absolute against the file's directory.
/// </summary>
public static class KubeconfigFileReader
{
    /// <summary>Reads and parses a kubeconfig file.</summary>
    public static KubeconfigFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConfigurationException(fullPath, null, null, $"cannot be read: {ex.Message}", ex);
        }

        return Parse(fullPath, text);
    }

    /// <summary>Parses kubeconfig text as if it had been read from <paramref name="fullPath"/>.</summary>
    public static KubeconfigFile Parse(string fullPath, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new KubernetesConfigurationException(fullPath, null, null,
                $"is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): fix the syntax", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new KubeconfigFile { Path = fullPath, Configuration = new K8SConfiguration() };
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode)
        {
            throw new KubernetesConfigurationException(fullPath, null, null, "must be a YAML mapping");
        }

        K8SConfiguration configuration;
        try
        {
            configuration = KubernetesYaml.Deserialize<K8SConfiguration>(text);
        }
        catch (YamlException ex)
        {
            // The library's deserializer refused a value of the wrong shape; name the field it is in.
            var reason = (ex.InnerException ?? ex).Message;
            throw new KubernetesConfigurationException(fullPath, null, YamlFieldLocator.Locate(root, ex.Start),
                $"has the wrong type or shape (line {ex.Start.Line}, column {ex.Start.Column}: {reason})", ex);
        }

        var directory = Path.GetDirectoryName(fullPath)!;
        var problems = new ConfigurationProblems();
        KubeconfigStructure.Check(configuration, fullPath, problems);
        problems.ThrowIfAny();
        KubeconfigPaths.MakeAbsolute(configuration, directory);
        return new KubeconfigFile
        {
            Path = fullPath,
            Configuration = configuration,
            UserExtras = KubeconfigUserExtrasReader.Read((YamlMappingNode)root, directory),
        };
    }
}
