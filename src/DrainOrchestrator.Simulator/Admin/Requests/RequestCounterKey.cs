namespace DrainOrchestrator.Simulator.Admin.Requests;

/// <summary>What a request counter counts: one verb on one resource (and subresource).</summary>
/// <param name="Verb">The Kubernetes verb.</param>
/// <param name="Group">The API group, empty for core.</param>
/// <param name="Resource">The plural resource name.</param>
/// <param name="Subresource">The subresource, empty for the main resource.</param>
public sealed record RequestCounterKey(string Verb, string Group, string Resource, string Subresource);
