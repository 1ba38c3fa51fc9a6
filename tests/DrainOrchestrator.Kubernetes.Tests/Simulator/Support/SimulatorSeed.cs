using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>
/// The store-only seed of the integration tests (no cluster model, so nothing moves on its own): three nodes (node-3
/// cordoned), the KubeVirt CR, one MigrationPolicy, four running VMs with their VMIs and launcher pods in
/// <see cref="Tenant"/>, and <see cref="PagedLeaseCount"/> leases in <see cref="Paging"/>. Written through the
/// client's own wire models, so the seed and the client agree on every field name.
/// </summary>
internal sealed class SimulatorSeed : ISeeder
{
    public const string Tenant = "tenant-a";
    public const string Paging = "paging";
    public const string KubeVirtNamespace = "kubevirt";
    public const int PagedLeaseCount = 7;

    /// <summary>A field of the seeded VM vm-1 that no wire model declares, to prove updates send it back.</summary>
    public const string UnmodelledField = "dataVolumeTemplates";

    /// <summary>The VMIs of <see cref="Tenant"/> and their nodes.</summary>
    public static IReadOnlyList<(string Name, string Node, string App)> Vmis { get; } =
        [("vm-1", "node-1", "db"), ("vm-2", "node-2", "db"), ("vm-3", "node-1", "web"), ("vm-4", "node-2", "web")];

    public async Task SeedAsync(ObjectStore store, CancellationToken cancellationToken)
    {
        await new EmptySeeder().SeedAsync(store, cancellationToken);
        foreach (var name in new[] { KubeVirtNamespace, Tenant, Paging })
        {
            Seed(store, TestObjects.Namespace(name));
        }

        Seed(store, TestObjects.Node("node-1", "r1"));
        Seed(store, TestObjects.Node("node-2", "r1"));
        Seed(store, TestObjects.Node("node-3", "r2", cordoned: true));
        Seed(store, TestObjects.KubeVirt(KubeVirtNamespace, "kubevirt"));
        Seed(store, TestObjects.MigrationPolicy("batch-post-copy", "batch"));
        foreach (var (name, node, app) in Vmis)
        {
            Seed(store, TestObjects.VirtualMachine(Tenant, name), name == "vm-1" ? AddUnmodelledField : null);
            Seed(store, TestObjects.Vmi(Tenant, name, node, app));
            Seed(store, TestObjects.LauncherPod(Tenant, name, node));
        }

        for (var i = 0; i < PagedLeaseCount; i++)
        {
            var parity = i % 2 == 0 ? "even" : "odd";
            Seed(store, TestObjects.Lease(Paging, string.Create(CultureInfo.InvariantCulture, $"lease-{i}"), "seed",
                new Dictionary<string, string> { ["parity"] = parity }));
        }
    }

    private static void AddUnmodelledField(JsonObject vm) =>
        vm["spec"]![UnmodelledField] = new JsonArray(new JsonObject { ["metadata"] = new JsonObject { ["name"] = "root-disk" } });

    private static void Seed<T>(ObjectStore store, T value, Action<JsonObject>? adjust = null)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var info = (JsonTypeInfo<T>)KubernetesJsonContext.Default.GetTypeInfo(typeof(T))!;
        var json = JsonSerializer.SerializeToNode(value, info)!.AsObject();
        adjust?.Invoke(json);
        var type = store.Registry.FindByKind(T.Resource.ApiVersion, T.Resource.Kind)
            ?? throw new InvalidOperationException($"the simulator does not serve {T.Resource.Kind}");
        store.Create(type, json, WriteOptions.Controller);
    }
}
