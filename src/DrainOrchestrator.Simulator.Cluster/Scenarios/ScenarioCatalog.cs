namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Finds scenarios: <c>generated:nodes=N,vms=M,seed=S</c>, a built-in name (<see cref="BuiltInNames"/>, shipped in the
/// assembly and copied to <c>scenarios/</c> next to it), or a YAML file path.
/// </summary>
public static class ScenarioCatalog
{
    private const string ResourcePrefix = "scenarios/";
    private const string Extension = ".yaml";
    /// <summary>The names of the scenarios shipped with the model.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } =
    [
        .. typeof(ScenarioCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal),
    ];
    /// <summary>Loads a scenario by generator spec, built-in name or file path.</summary>
    /// <exception cref="ScenarioException">The scenario is unknown or invalid; the message names file and line.</exception>
    public static ClusterScenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (nameOrPath.StartsWith(GeneratorSpec.Prefix, StringComparison.Ordinal))
        {
            return ScenarioGenerator.Generate(GeneratorSpec.Parse(nameOrPath));
        }
        if (BuiltInNames.Contains(nameOrPath, StringComparer.Ordinal))
        {
            return Parse(ReadBuiltIn(nameOrPath), nameOrPath + Extension);
        }
        if (File.Exists(nameOrPath))
        {
            return Parse(File.ReadAllText(nameOrPath), nameOrPath);
        }
        throw new ScenarioException(
            $"unknown scenario \"{nameOrPath}\": not a file, not {GeneratorSpec.Prefix}..., and not one of the built-in scenarios ({string.Join(", ", BuiltInNames)})");
    }
    /// <summary>Parses scenario YAML; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ScenarioException">Every problem found, each with file, line and column.</exception>
    public static ClusterScenario Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        return ScenarioYamlParser.Parse(yaml, source);
    }
    /// <summary>The YAML text of a built-in scenario.</summary>
    public static string ReadBuiltIn(string name)
    {
        using var stream = typeof(ScenarioCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + name + Extension)
            ?? throw new ScenarioException($"unknown built-in scenario \"{name}\"");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
