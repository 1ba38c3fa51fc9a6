using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Hosting;

public sealed class ObjectListSeederTests
{
    [Fact]
    public async Task Seed_ListFile_CreatesObjectsAndTheirNamespaces()
    {
        var path = await WriteAsync("""
            {"kind":"List","apiVersion":"v1","items":[
              {"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstance","metadata":{"name":"a","namespace":"tenant","uid":"old"},"status":{"phase":"Running"}},
              {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"}}
            ]}
            """);
        var store = new ObjectStore(BuiltInResourceTypes.CreateRegistry(), TimeProvider.System, new StoreOptions());

        await new ObjectListSeeder(path).SeedAsync(store, CancellationToken.None);

        var vmi = store.Get(BuiltInResourceTypes.VirtualMachineInstances, "tenant", "a");
        Assert.NotNull(vmi);
        Assert.NotEqual("old", vmi.Uid);
        Assert.Equal("Running", vmi.ToJsonObject()["status"]!["phase"]!.GetValue<string>());
        Assert.NotNull(store.Get(BuiltInResourceTypes.Namespaces, null, "tenant"));
        Assert.NotNull(store.Get(BuiltInResourceTypes.Nodes, null, "n1"));
        File.Delete(path);
    }

    [Fact]
    public async Task Seed_BadItems_ReportsEveryOneWithItsIndex()
    {
        var path = await WriteAsync("""
            {"items":[
              {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}},
              {"apiVersion":"v1","kind":"Node","metadata":{"name":"Bad_Name"}}
            ]}
            """);
        var store = new ObjectStore(BuiltInResourceTypes.CreateRegistry(), TimeProvider.System, new StoreOptions());

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new ObjectListSeeder(path).SeedAsync(store, CancellationToken.None));

        Assert.Contains("items[0]: apps/v1 Deployment is not a served resource type", error.Message, StringComparison.Ordinal);
        Assert.Contains("items[1]: Node \"Bad_Name\" is invalid", error.Message, StringComparison.Ordinal);
        File.Delete(path);
    }

    private static async Task<string> WriteAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"drain-sim-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
