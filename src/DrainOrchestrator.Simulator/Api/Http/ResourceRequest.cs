using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>A request for a resource, parsed from its URL and method.</summary>
/// <param name="Type">The resource type.</param>
/// <param name="Namespace">The namespace in the URL, or null.</param>
/// <param name="Name">The object name, or null for a collection.</param>
/// <param name="Subresource">The subresource (<c>status</c>), or null.</param>
/// <param name="Verb">The Kubernetes verb (see <see cref="ApiVerb"/>).</param>
public sealed record ResourceRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource, string Verb);
