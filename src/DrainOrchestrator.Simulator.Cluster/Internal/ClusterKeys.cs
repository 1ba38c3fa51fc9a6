namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Keys of namespaced objects in the model's maps.</summary>
internal static class ClusterKeys
{
    public static string Of(string @namespace, string name) => string.Concat(@namespace, "/", name);
}
