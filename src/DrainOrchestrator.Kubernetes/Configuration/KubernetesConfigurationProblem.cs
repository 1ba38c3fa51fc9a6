namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>One thing wrong with a kubeconfig or in-cluster configuration: where it is and what is wrong.</summary>
/// <param name="FilePath">The file holding the problem, when there is one.</param>
/// <param name="ContextName">The context being resolved, when one was.</param>
/// <param name="Field">The missing or wrong field, e.g. <c>clusters[prod].cluster.server</c>.</param>
/// <param name="Problem">What is wrong with the field, without the file and context.</param>
public sealed record KubernetesConfigurationProblem(string? FilePath, string? ContextName, string? Field, string Problem)
{
    /// <summary>The problem in one line: file, context and field, then what is wrong.</summary>
    public override string ToString()
    {
        var where = new List<string>(3);
        if (FilePath is not null)
        {
            where.Add($"file '{FilePath}'");
        }

        if (ContextName is not null)
        {
            where.Add($"context '{ContextName}'");
        }

        if (Field is not null)
        {
            where.Add($"field '{Field}'");
        }

        return where.Count == 0 ? Problem : $"{string.Join(", ", where)}: {Problem}";
    }
}
