using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Seeding;

/// <summary>Seeds only the namespaces every cluster has.</summary>
public sealed class EmptySeeder : ISeeder
{
    /// <inheritdoc />
    public Task SeedAsync(ObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            cancellationToken.ThrowIfCancellationRequested();
            store.Create(Api.Resources.BuiltInResourceTypes.Namespaces, Namespace(name), WriteOptions.Controller);
        }

        return Task.CompletedTask;
    }

    /// <summary>A namespace as the store keeps it, rendered through the wire model.</summary>
    public static System.Text.Json.Nodes.JsonObject Namespace(string name) =>
        KubeVirt.Rendering.ClusterRenderer.Namespace(name, new Dictionary<string, string>());
}
