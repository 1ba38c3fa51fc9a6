namespace DrainOrchestrator.Simulator.Api.Resources;

/// <summary>
/// The resource types the API server serves, looked up by URL coordinates or by kind. Immutable once built.
/// </summary>
public sealed class ResourceRegistry
{
    private readonly Dictionary<(string Group, string Version, string Plural), ResourceType> _byPath = [];
    private readonly Dictionary<(string ApiVersion, string Kind), ResourceType> _byKind = [];

    /// <summary>Builds a registry over the given types.</summary>
    public ResourceRegistry(IEnumerable<ResourceType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = [.. types];
        foreach (var type in Types)
        {
            _byPath.Add((type.Group, type.Version, type.Plural), type);
            _byKind.Add((type.ApiVersion, type.Kind), type);
        }
    }

    /// <summary>All types, in registration order.</summary>
    public IReadOnlyList<ResourceType> Types { get; }

    /// <summary>The groups (core excluded), each with its versions, in registration order.</summary>
    public IEnumerable<IGrouping<string, string>> Groups =>
        Types.Where(t => t.Group.Length > 0)
            .Select(t => (t.Group, t.Version))
            .Distinct()
            .GroupBy(p => p.Group, p => p.Version);

    /// <summary>Finds a type by group, version and plural.</summary>
    public ResourceType? Find(string group, string version, string plural) =>
        _byPath.GetValueOrDefault((group, version, plural));

    /// <summary>Finds a type by apiVersion and kind.</summary>
    public ResourceType? FindByKind(string apiVersion, string kind) =>
        _byKind.GetValueOrDefault((apiVersion, kind));

    /// <summary>The types of one group version.</summary>
    public IEnumerable<ResourceType> InGroupVersion(string group, string version) =>
        Types.Where(t => t.Group == group && t.Version == version);

    /// <summary>Finds the core type with the given plural, for the built-in types a controller writes.</summary>
    public ResourceType Get(string group, string plural) =>
        Types.FirstOrDefault(t => t.Group == group && t.Plural == plural)
        ?? throw new KeyNotFoundException($"resource {plural}.{group} is not registered");
}
