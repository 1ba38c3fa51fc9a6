namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Collects every problem found while checking a configuration, so that all are reported at once.</summary>
internal sealed class ConfigurationProblems
{
    private readonly List<KubernetesConfigurationProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string? filePath, string? contextName, string? field, string problem)
        => _problems.Add(new KubernetesConfigurationProblem(filePath, contextName, field, problem));

    public void Add(KubernetesConfigurationException exception) => _problems.AddRange(exception.Problems);

    /// <summary>Runs a check that throws on its first problem, records that problem and returns the default.</summary>
    public T? Try<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (KubernetesConfigurationException ex)
        {
            Add(ex);
            return default;
        }
    }

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new KubernetesConfigurationException(_problems);
        }
    }
}
