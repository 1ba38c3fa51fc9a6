namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// A kubeconfig or in-cluster configuration that cannot be used. Names the file, the context and the missing or wrong
/// field, and never carries a credential.
/// </summary>
public sealed class KubernetesConfigurationException : Exception
{
    /// <summary>Creates the exception for a problem in a given file, context and field.</summary>
    public KubernetesConfigurationException(string? filePath, string? contextName, string? field, string problem,
        Exception? innerException = null)
        : base(Compose(filePath, contextName, field, problem), innerException)
    {
        FilePath = filePath;
        ContextName = contextName;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public KubernetesConfigurationException()
        : this(null, null, null, "The Kubernetes configuration is invalid.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public KubernetesConfigurationException(string message)
        : this(null, null, null, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public KubernetesConfigurationException(string message, Exception innerException)
        : this(null, null, null, message, innerException)
    {
    }

    /// <summary>The file holding the problem, when there is one.</summary>
    public string? FilePath { get; }

    /// <summary>The context being resolved, when one was.</summary>
    public string? ContextName { get; }

    /// <summary>The missing or wrong field, e.g. <c>clusters[prod].cluster.server</c>.</summary>
    public string? Field { get; }

    /// <summary>What is wrong with the field, without the file and context.</summary>
    public string Problem { get; }

    private static string Compose(string? filePath, string? contextName, string? field, string problem)
    {
        var where = new List<string>(3);
        if (filePath is not null)
        {
            where.Add($"file '{filePath}'");
        }

        if (contextName is not null)
        {
            where.Add($"context '{contextName}'");
        }

        if (field is not null)
        {
            where.Add($"field '{field}'");
        }

        return where.Count == 0 ? problem : $"Kubernetes configuration: {string.Join(", ", where)}: {problem}";
    }
}
