namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// What a request asks to do, as kube-apiserver's authorizers see it: a verb on a resource (group, resource,
/// subresource, namespace, name), or a verb on a non-resource path such as <c>/version</c>.
/// </summary>
public sealed record RequestAttributes
{
    /// <summary>The verb: get, list, watch, create, update, patch, delete, deletecollection; for paths the lower-case HTTP method.</summary>
    public required string Verb { get; init; }

    /// <summary>Whether the request is for a resource; otherwise it is for <see cref="Path"/>.</summary>
    public bool IsResourceRequest { get; init; } = true;

    /// <summary>The URL path of a non-resource request.</summary>
    public string Path { get; init; } = "";

    /// <summary>The API group; empty for the core group.</summary>
    public string ApiGroup { get; init; } = "";

    /// <summary>The API version.</summary>
    public string ApiVersion { get; init; } = "";

    /// <summary>The resource (plural).</summary>
    public string Resource { get; init; } = "";

    /// <summary>The subresource, e.g. <c>status</c>, <c>eviction</c>; empty for none.</summary>
    public string Subresource { get; init; } = "";

    /// <summary>The namespace; empty for cluster-scoped requests and collections across namespaces.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>The object's name; empty for collections and creates.</summary>
    public string Name { get; init; } = "";

    /// <summary>The resource with its subresource, as RBAC rules and messages name it: <c>nodes/status</c>.</summary>
    public string ResourceWithSubresource => Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";
}
