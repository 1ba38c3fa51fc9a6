namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>The store key of an object: <c>namespace/name</c>, with an empty namespace for cluster-scoped objects.</summary>
internal static class ObjectKey
{
    public static string Of(string? @namespace, string name) => $"{@namespace}/{name}";
}
