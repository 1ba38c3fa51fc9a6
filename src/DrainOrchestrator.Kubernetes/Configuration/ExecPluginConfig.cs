namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>An exec credential plugin as a kubeconfig user declares it (<c>users[].user.exec</c>).</summary>
public sealed record ExecPluginConfig
{
    /// <summary>The ExecCredential version the plugin speaks, e.g. <c>client.authentication.k8s.io/v1</c>.</summary>
    public required string ApiVersion { get; init; }

    /// <summary>The command: a bare name looked up on PATH, or a path (relative ones resolved against the kubeconfig).</summary>
    public required string Command { get; init; }

    /// <summary>Arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment variables for the plugin.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Shown when the command cannot be found.</summary>
    public string? InstallHint { get; init; }

    /// <summary>Whether cluster information is passed to the plugin in KUBERNETES_EXEC_INFO.</summary>
    public bool ProvideClusterInfo { get; init; }

    /// <summary><c>Never</c>, <c>IfAvailable</c> or <c>Always</c>; this library never runs a plugin interactively.</summary>
    public string? InteractiveMode { get; init; }
}
