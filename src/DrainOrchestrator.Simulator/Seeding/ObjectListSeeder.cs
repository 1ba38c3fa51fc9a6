using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Seeding;

/// <summary>
/// Seeds the objects of a JSON <c>List</c> file (e.g. what <c>kubectl get … -o json</c> prints), so a cluster's shape
/// can be replayed. Namespaces the objects need are created; every problem is reported at once, with the item index.
/// </summary>
public sealed class ObjectListSeeder(string path) : ISeeder
{
    /// <inheritdoc />
    public async Task SeedAsync(ObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await new EmptySeeder().SeedAsync(store, cancellationToken);
        JsonArray items;
        try
        {
            var document = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonObject;
            items = document?["items"] as JsonArray ?? throw new InvalidDataException($"{path}: expected a JSON object with \"items\"");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: {e.Message}", e);
        }

        var problems = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                Seed(store, items[i] as JsonObject ?? throw new InvalidDataException("not an object"));
            }
            catch (Exception e) when (e is InvalidDataException or ApiStatusException or InvalidOperationException)
            {
                problems.Add($"{path}: items[{i}]: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, problems));
        }
    }

    private static void Seed(ObjectStore store, JsonObject item)
    {
        var apiVersion = item["apiVersion"]?.GetValue<string>() ?? "";
        var kind = item["kind"]?.GetValue<string>() ?? "";
        var type = store.Registry.FindByKind(apiVersion, kind)
            ?? throw new InvalidDataException($"{apiVersion} {kind} is not a served resource type");
        var ns = item["metadata"]?["namespace"]?.GetValue<string>();
        if (type.Namespaced && !string.IsNullOrEmpty(ns) && store.Get(BuiltInResourceTypes.Namespaces, null, ns) is null)
        {
            store.Create(BuiltInResourceTypes.Namespaces, EmptySeeder.Namespace(ns), WriteOptions.Controller);
        }

        if (type == BuiltInResourceTypes.Namespaces && store.Get(type, null, item["metadata"]?["name"]?.GetValue<string>() ?? "") is not null)
        {
            return;
        }

        store.Create(type, item, WriteOptions.Controller);
    }
}
