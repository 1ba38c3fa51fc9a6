namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Where to find kubeconfig files and which context to use, as kubectl's flags and environment say.</summary>
public sealed class KubeconfigLoadOptions
{
    /// <summary>The <c>--kubeconfig</c> path: when set, only this file is read and it must exist.</summary>
    public string? ExplicitPath { get; set; }

    /// <summary>The <c>--context</c> override of current-context.</summary>
    public string? Context { get; set; }

    /// <summary>The <c>--namespace</c> override of the context's namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// <c>--allow-insecure-kubernetes</c>: accept a cluster entry with <c>insecure-skip-tls-verify: true</c> or an
    /// <c>http://</c> server. Refused otherwise, because the bearer token would go to whoever answers. A CA together with
    /// <c>insecure-skip-tls-verify</c> is refused either way.
    /// </summary>
    public bool AllowInsecure { get; set; }

    /// <summary>Reads an environment variable (KUBECONFIG, HOME); replaceable for tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>The home directory holding <c>.kube/config</c>; defaults to the user profile.</summary>
    public string? HomeDirectory { get; set; }

    /// <summary>The clock used for credential expiry and token-file refresh.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How often a token file is re-read (kubectl: one minute).</summary>
    public TimeSpan TokenFileRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The kubeconfig files to read, in precedence order, and whether a missing one is an error.</summary>
    internal IReadOnlyList<(string Path, bool Required)> ResolveFiles()
    {
        if (!string.IsNullOrEmpty(ExplicitPath))
        {
            return [(ExplicitPath, true)];
        }

        var variable = GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(variable))
        {
            // kubectl skips empty entries and files that do not exist, and reads each path once.
            return variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .Select(path => (path, false))
                .ToList();
        }

        var home = HomeDirectory ?? GetEnvironmentVariable("HOME")
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [(Path.Combine(home, ".kube", "config"), false)];
    }
}
