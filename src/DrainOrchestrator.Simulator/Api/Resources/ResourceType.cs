namespace DrainOrchestrator.Simulator.Api.Resources;

/// <summary>
/// One resource type the API server serves: where it lives in the URL space, its kind, scope, verbs and the fields
/// a field selector may name.
/// </summary>
public sealed record ResourceType
{
    /// <summary>The API group; empty for the core group.</summary>
    public required string Group { get; init; }

    /// <summary>The version, e.g. <c>v1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The plural resource name used in URLs, e.g. <c>virtualmachineinstances</c>.</summary>
    public required string Plural { get; init; }

    /// <summary>The lowercase singular name.</summary>
    public required string Singular { get; init; }

    /// <summary>The kind, e.g. <c>VirtualMachineInstance</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Whether objects live in a namespace.</summary>
    public required bool Namespaced { get; init; }

    /// <summary>Short names kubectl accepts, e.g. <c>vmi</c>.</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Categories such as <c>all</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Whether the type has a <c>/status</c> subresource (then main writes keep the stored status).</summary>
    public bool HasStatusSubresource { get; init; } = true;

    /// <summary>Field paths a field selector may name besides <c>metadata.name</c> and <c>metadata.namespace</c>.</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>Whether strategic merge patch applies (built-in types); custom resources answer it with 415.</summary>
    public bool SupportsStrategicMerge { get; init; } = true;

    /// <summary>The verbs advertised in discovery.</summary>
    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    /// <summary>The verbs every served type supports.</summary>
    public static IReadOnlyList<string> StandardVerbs { get; } =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary><c>group/version</c>, or <c>v1</c> for core.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind of a list of these objects.</summary>
    public string ListKind => Kind + "List";

    /// <summary><c>plural.group</c>, or the plural alone for core: the name used in error messages.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Whether a field selector may name the field.</summary>
    public bool IsSelectableField(string field) =>
        field is "metadata.name" or "metadata.namespace" || SelectableFields.Contains(field, StringComparer.Ordinal);
}
