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
            store.Create(Api.Resources.BuiltInResourceTypes.Namespaces, SeedObjects.Namespace(name), WriteOptions.Controller);
        }

        return Task.CompletedTask;
    }
}
