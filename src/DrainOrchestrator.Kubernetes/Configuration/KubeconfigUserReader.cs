namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Reads a <c>users[]</c> entry, including its exec plugin.</summary>
internal static class KubeconfigUserReader
{
    public static KubeconfigUser Read(YamlNodes entry, string directory)
    {
        var name = KubeconfigFileReader.RequireName(entry);
        var user = entry.Mapping("user");
        if (user is null)
        {
            // kubectl writes "user: {}" for anonymous access, and an empty value reads as null.
            return new KubeconfigUser { Name = name, SourceFile = entry.FilePath };
        }

        return new KubeconfigUser
        {
            Name = name,
            SourceFile = entry.FilePath,
            Token = user.Scalar("token"),
            TokenFile = KubeconfigFileReader.ResolvePath(user.Scalar("tokenFile"), directory),
            ClientCertificate = KubeconfigFileReader.ResolvePath(user.Scalar("client-certificate"), directory),
            ClientCertificateData = user.Scalar("client-certificate-data"),
            ClientKey = KubeconfigFileReader.ResolvePath(user.Scalar("client-key"), directory),
            ClientKeyData = user.Scalar("client-key-data"),
            Exec = user.Mapping("exec") is { } exec ? ReadExec(exec, directory) : null,
        };
    }

    private static ExecPluginConfig ReadExec(YamlNodes exec, string directory)
    {
        var apiVersion = exec.Scalar("apiVersion") is { Length: > 0 } version
            ? version
            : throw exec.Wrong("apiVersion", "is missing");
        if (!ExecCredentialProvider.SupportedApiVersions.Contains(apiVersion))
        {
            throw exec.Wrong("apiVersion", $"'{apiVersion}' is not supported; use {ExecCredentialProvider.ApiVersionV1}");
        }

        var command = exec.Scalar("command") is { Length: > 0 } c ? c : throw exec.Wrong("command", "is missing");

        // Like kubectl: a command with a directory part is a path relative to the kubeconfig; a bare name is found on PATH.
        if (command.Contains('/', StringComparison.Ordinal) || command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            command = Path.GetFullPath(command, directory);
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in exec.Mappings("env"))
        {
            var variableName = variable.Scalar("name") is { Length: > 0 } n ? n : throw variable.Wrong("name", "is missing");
            env[variableName] = variable.Scalar("value") ?? "";
        }

        return new ExecPluginConfig
        {
            ApiVersion = apiVersion,
            Command = command,
            Args = exec.Strings("args"),
            Env = env,
            InstallHint = exec.Scalar("installHint"),
            ProvideClusterInfo = exec.Boolean("provideClusterInfo"),
            InteractiveMode = exec.Scalar("interactiveMode"),
        };
    }
}
