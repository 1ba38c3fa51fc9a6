using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Reads one kubeconfig file as kubectl writes it, resolving relative paths against the file's directory.</summary>
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
                $"is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column})", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new KubeconfigFile { Path = fullPath };
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubernetesConfigurationException(fullPath, null, null, "must be a YAML mapping");
        }

        var directory = Path.GetDirectoryName(fullPath)!;
        var nodes = new YamlNodes(fullPath, "", root);
        var current = nodes.Scalar("current-context");
        return new KubeconfigFile
        {
            Path = fullPath,
            CurrentContext = string.IsNullOrEmpty(current) ? null : current,
            Clusters = nodes.Mappings("clusters").Select(entry => ReadCluster(entry, directory)).ToList(),
            Contexts = nodes.Mappings("contexts").Select(ReadContext).ToList(),
            Users = nodes.Mappings("users").Select(entry => KubeconfigUserReader.Read(entry, directory)).ToList(),
        };
    }

    internal static string RequireName(YamlNodes entry)
        => entry.Scalar("name") is { Length: > 0 } name ? name : throw entry.Wrong("name", "is missing");

    internal static string? ResolvePath(string? path, string directory)
        => string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path, directory);

    private static KubeconfigCluster ReadCluster(YamlNodes entry, string directory)
    {
        var name = RequireName(entry);
        var cluster = entry.Mapping("cluster") ?? throw entry.Wrong("cluster", "is missing");
        return new KubeconfigCluster
        {
            Name = name,
            SourceFile = entry.FilePath,
            Server = cluster.Scalar("server"),
            CertificateAuthority = ResolvePath(cluster.Scalar("certificate-authority"), directory),
            CertificateAuthorityData = cluster.Scalar("certificate-authority-data"),
            InsecureSkipTlsVerify = cluster.Boolean("insecure-skip-tls-verify"),
            TlsServerName = cluster.Scalar("tls-server-name"),
        };
    }

    private static KubeconfigContext ReadContext(YamlNodes entry)
    {
        var name = RequireName(entry);
        var context = entry.Mapping("context") ?? throw entry.Wrong("context", "is missing");
        return new KubeconfigContext
        {
            Name = name,
            SourceFile = entry.FilePath,
            Cluster = context.Scalar("cluster"),
            User = context.Scalar("user"),
            Namespace = context.Scalar("namespace"),
        };
    }
}
