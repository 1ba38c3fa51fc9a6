using System.Globalization;
using k8s.KubeConfigModels;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// The checks of one file that do not depend on the context chosen: every entry has a name and a body, and every exec
/// plugin names a command and a supported ExecCredential version. KubernetesClient checks these only for the context it
/// resolves, one at a time and without the field; here all are found at once.
/// </summary>
internal static class KubeconfigStructure
{
    public static void Check(K8SConfiguration configuration, string file, ConfigurationProblems problems)
    {
        var clusters = (configuration.Clusters ?? []).ToList();
        for (var i = 0; i < clusters.Count; i++)
        {
            RequireName(clusters[i]?.Name, Field("clusters", i, "name"), file, problems);
            if (clusters[i]?.ClusterEndpoint is null)
            {
                problems.Add(file, null, Field("clusters", i, "cluster"), "is missing");
            }
        }

        var contexts = (configuration.Contexts ?? []).ToList();
        for (var i = 0; i < contexts.Count; i++)
        {
            RequireName(contexts[i]?.Name, Field("contexts", i, "name"), file, problems);
            if (contexts[i]?.ContextDetails is null)
            {
                problems.Add(file, null, Field("contexts", i, "context"), "is missing");
            }
        }

        var users = (configuration.Users ?? []).ToList();
        for (var i = 0; i < users.Count; i++)
        {
            RequireName(users[i]?.Name, Field("users", i, "name"), file, problems);
            if (users[i]?.UserCredentials?.ExternalExecution is { } exec)
            {
                CheckExec(exec, Field("users", i, "user.exec"), file, problems);
            }
        }
    }

    private static void CheckExec(ExternalExecution exec, string field, string file, ConfigurationProblems problems)
    {
        if (string.IsNullOrEmpty(exec.ApiVersion))
        {
            problems.Add(file, null, field + ".apiVersion", $"is missing: set it to {ExecCredentialProvider.ApiVersionV1}");
        }
        else if (!ExecCredentialProvider.SupportedApiVersions.Contains(exec.ApiVersion))
        {
            problems.Add(file, null, field + ".apiVersion", $"'{exec.ApiVersion}' is not supported; use {ExecCredentialProvider.ApiVersionV1}");
        }

        if (string.IsNullOrEmpty(exec.Command))
        {
            problems.Add(file, null, field + ".command", "is missing: name the credential plugin to run");
        }

        var env = exec.EnvironmentVariables ?? [];
        for (var i = 0; i < env.Count; i++)
        {
            if (env[i] is null || !env[i].TryGetValue("name", out var name) || string.IsNullOrEmpty(name))
            {
                problems.Add(file, null, string.Create(CultureInfo.InvariantCulture, $"{field}.env[{i}].name"), "is missing");
            }
        }
    }

    private static void RequireName(string? name, string field, string file, ConfigurationProblems problems)
    {
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(file, null, field, "is missing");
        }
    }

    private static string Field(string list, int index, string field)
        => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{field}");
}
