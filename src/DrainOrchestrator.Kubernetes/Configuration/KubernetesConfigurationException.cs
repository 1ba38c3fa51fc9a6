namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// A kubeconfig or in-cluster configuration that cannot be used. Names the file, the context and the missing or wrong
/// field, and never carries a credential. When several things are wrong, <see cref="Problems"/> lists them all and the
/// properties of the exception describe the first.
/// </summary>
public sealed class KubernetesConfigurationException : Exception
{
    /// <summary>Creates the exception for a problem in a given file, context and field.</summary>
    public KubernetesConfigurationException(string? filePath, string? contextName, string? field, string problem,
        Exception? innerException = null)
        : this([new KubernetesConfigurationProblem(filePath, contextName, field, problem)], innerException)
    {
    }

    /// <summary>Creates the exception for every problem found, the first one described by the properties.</summary>
    public KubernetesConfigurationException(IReadOnlyList<KubernetesConfigurationProblem> problems, Exception? innerException = null)
        : base(Compose(problems), innerException)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        Problems = problems;
        (FilePath, ContextName, Field, Problem) = problems[0];
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

    /// <summary>Every problem found, in the order they were found.</summary>
    public IReadOnlyList<KubernetesConfigurationProblem> Problems { get; }

    private static string Compose(IReadOnlyList<KubernetesConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 1)
        {
            var only = problems[0];
            return only is { FilePath: null, ContextName: null, Field: null } ? only.Problem : $"Kubernetes configuration: {only}";
        }

        return $"Kubernetes configuration: {problems.Count} problems:" + string.Concat(problems.Select(p => $"{Environment.NewLine}- {p}"));
    }
}
