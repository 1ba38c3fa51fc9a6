using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Store;

public sealed class ObjectStoreHookTests
{
    private static readonly ResourceType Vmims = BuiltInResourceTypes.VirtualMachineInstanceMigrations;

    [Fact]
    public void Create_HookDenies_ThrowsItsStatusAndStoresNothing()
    {
        var store = NewStore();
        var denial = ApiErrors.Invalid("VirtualMachineInstanceMigration", "m", [new("FieldValueInvalid", "in-flight migration detected", "spec.vmiName")], "kubevirt.io");
        store.AddWriteHook(new DelegateHook(r => r.Operation == AdmissionOperation.Create ? AdmissionResult.Deny(denial) : AdmissionResult.Allow));
        var before = store.CurrentResourceVersion;

        var error = Assert.Throws<ApiStatusException>(() => store.Create(Vmims, Vmim("m"), WriteOptions.Client));

        Assert.Equal(422, error.Status.Code);
        Assert.Null(store.Get(Vmims, "default", "m"));
        Assert.Equal(before, store.CurrentResourceVersion);
    }

    [Fact]
    public void Create_MutatingHook_ChangesTheStoredObject()
    {
        var store = NewStore();
        store.AddWriteHook(new DelegateHook(r =>
        {
            r.Object["metadata"]!["finalizers"] = new JsonArray("kubevirt.io/migrationJobFinalize");
            return AdmissionResult.Allow;
        }));

        var created = store.Create(Vmims, Vmim("m"), WriteOptions.Client);

        Assert.Equal(["kubevirt.io/migrationJobFinalize"], created.Finalizers);
    }

    [Fact]
    public void Commit_Observer_SeesEveryChangeInOrder()
    {
        var store = NewStore();
        var seen = new List<(WatchEventType, string, long)>();
        store.AddObserver(new DelegateObserver(e => seen.Add((e.Type, e.Object.Name, e.ResourceVersion))));

        var created = store.Create(Vmims, Vmim("m"), WriteOptions.Controller);
        var modified = store.Modify(Vmims, "default", "m", o =>
        {
            o["status"] = new JsonObject { ["phase"] = "Scheduling" };
            return o;
        }, WriteOptions.Controller with { Status = true });
        var deleted = store.Delete(Vmims, "default", "m", DeleteRequest.Default, WriteOptions.Controller);

        Assert.Equal(
            [(WatchEventType.Added, "m", created.ResourceVersion), (WatchEventType.Modified, "m", modified.ResourceVersion), (WatchEventType.Deleted, "m", deleted.ResourceVersion)],
            seen);
        Assert.True(created.ResourceVersion < modified.ResourceVersion && modified.ResourceVersion < deleted.ResourceVersion);
    }

    [Fact]
    public void Modify_NoChange_KeepsTheResourceVersion()
    {
        var store = NewStore();
        var created = store.Create(Vmims, Vmim("m"), WriteOptions.Controller);

        var same = store.Modify(Vmims, "default", "m", o => o, WriteOptions.Controller);

        Assert.Equal(created.ResourceVersion, same.ResourceVersion);
    }

    [Fact]
    public void Create_ByClient_DropsStatusButControllerKeepsIt()
    {
        var store = NewStore();
        var withStatus = Vmim("a");
        withStatus["status"] = new JsonObject { ["phase"] = "Succeeded" };

        var copy = ((JsonObject)withStatus.DeepClone()).Also(o => o["metadata"]!["name"] = "b");

        var byClient = store.Create(Vmims, withStatus, WriteOptions.Client).ToJsonObject();
        var byController = store.Create(Vmims, copy, WriteOptions.Controller).ToJsonObject();

        Assert.Null(byClient["status"]);
        Assert.Equal("Succeeded", byController["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public void Watch_FromCompactedVersion_ThrowsExpired()
    {
        var store = NewStore(new StoreOptions { EventRetention = 2 });
        store.Create(BuiltInResourceTypes.Namespaces, SeedObjects.Namespace("other"), WriteOptions.Controller);
        store.Create(BuiltInResourceTypes.Namespaces, SeedObjects.Namespace("third"), WriteOptions.Controller);
        store.Create(BuiltInResourceTypes.Namespaces, SeedObjects.Namespace("fourth"), WriteOptions.Controller);

        var error = Assert.Throws<ApiStatusException>(() => store.Watch(new WatchRequest(BuiltInResourceTypes.Namespaces) { FromResourceVersion = 1 }));

        Assert.Equal((410, "Expired"), (error.Status.Code, error.Status.Reason));
    }

    private static ObjectStore NewStore(StoreOptions? options = null)
    {
        var store = new ObjectStore(BuiltInResourceTypes.CreateRegistry(), TimeProvider.System, options ?? new StoreOptions());
        store.Create(BuiltInResourceTypes.Namespaces, SeedObjects.Namespace("default"), WriteOptions.Controller);
        return store;
    }

    private static JsonObject Vmim(string name) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject { ["vmiName"] = "vm-1" },
    };

    private sealed class DelegateHook(Func<AdmissionRequest, AdmissionResult> admit) : IStoreWriteHook
    {
        public AdmissionResult Admit(AdmissionRequest request) => admit(request);
    }

    private sealed class DelegateObserver(Action<StoreEvent> observe) : IStoreObserver
    {
        public void OnCommitted(StoreEvent change) => observe(change);
    }
}

internal static class JsonObjectTestExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}
