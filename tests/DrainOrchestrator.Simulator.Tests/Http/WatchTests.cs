using System.Net;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Http;

public sealed class WatchTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Watch_FromResourceVersion_ReplaysLaterChangesInOrder()
    {
        using var client = fixture.CreateClient();
        var (_, first) = await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("resume-a"));
        await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("resume-b"));
        await client.SendJsonAsync(HttpMethod.Delete, TestObjects.VmimPath + "/resume-a");

        using var watch = await WatchStream.OpenAsync(client, $"{TestObjects.VmimPath}?watch=true&resourceVersion={first.ResourceVersion()}");

        var added = await watch.NextAsync();
        var deleted = await watch.NextAsync();
        Assert.Equal(("ADDED", "resume-b"), (Type(added), Name(added)));
        Assert.Equal(("DELETED", "resume-a"), (Type(deleted), Name(deleted)));
    }

    [Fact]
    public async Task Watch_LiveChange_IsStreamedAsItHappens()
    {
        using var client = fixture.CreateClient();
        var rv = fixture.Store.CurrentResourceVersion;
        using var watch = await WatchStream.OpenAsync(client, $"/api/v1/nodes?watch=1&resourceVersion={rv}");

        await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-2",
            System.Text.Json.Nodes.JsonNode.Parse("""{"metadata":{"labels":{"watched":"yes"}}}"""), "application/merge-patch+json");

        var modified = await watch.NextAsync();
        Assert.Equal(("MODIFIED", "node-2"), (Type(modified), Name(modified)));
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithCurrentObjectsAsAdded()
    {
        using var client = fixture.CreateClient();
        using var watch = await WatchStream.OpenAsync(client, "/apis/migrations.kubevirt.io/v1alpha1/migrationpolicies?watch=true");

        var added = await watch.NextAsync();

        Assert.Equal(("ADDED", "batch-post-copy"), (Type(added), Name(added)));
    }

    [Fact]
    public async Task Watch_VersionOlderThanRetainedWindow_StreamsOneExpiredErrorEvent()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/compact");
        await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("after-compaction"));

        using var watch = await WatchStream.OpenAsync(client, $"{TestObjects.VmimPath}?watch=true&resourceVersion=1");

        // kube-apiserver answers an admitted watch whose resourceVersion is too old with a 200 and an ERROR event.
        Assert.Equal(HttpStatusCode.OK, watch.Code);
        var error = await watch.NextAsync();
        Assert.Equal("ERROR", Type(error));
        var status = error!["object"]!.AsObject();
        Assert.Equal(("Status", "Expired", 410), (status["kind"]!.GetValue<string>(), status["reason"]!.GetValue<string>(), status["code"]!.GetValue<int>()));
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_IdleWithBookmarks_SendsBookmarkWithCurrentVersion()
    {
        using var client = fixture.CreateClient();
        var rv = fixture.Store.CurrentResourceVersion;
        using var watch = await WatchStream.OpenAsync(client, $"/api/v1/namespaces?watch=true&allowWatchBookmarks=true&resourceVersion={rv}");

        var bookmark = await watch.NextAsync();

        Assert.Equal("BOOKMARK", Type(bookmark));
        Assert.True(long.Parse(bookmark!["object"]!.AsObject().ResourceVersion(), System.Globalization.CultureInfo.InvariantCulture) >= rv);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_ServerEndsTheStream()
    {
        using var client = fixture.CreateClient();
        var rv = fixture.Store.CurrentResourceVersion;
        using var watch = await WatchStream.OpenAsync(client, $"/api/v1/namespaces?watch=true&timeoutSeconds=1&resourceVersion={rv}");

        var end = await watch.NextAsync(TimeSpan.FromSeconds(10));

        Assert.Null(end);
    }

    [Fact]
    public async Task Watch_LabelSelector_TurnsLeavingTheSelectionIntoDeleted()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("labelled", labels: new() { ["team"] = "a" }));
        var rv = fixture.Store.CurrentResourceVersion;
        using var watch = await WatchStream.OpenAsync(client, $"{TestObjects.VmimPath}?watch=true&labelSelector=team%3Da&resourceVersion={rv}");

        await client.SendJsonAsync(HttpMethod.Patch, TestObjects.VmimPath + "/labelled",
            System.Text.Json.Nodes.JsonNode.Parse("""{"metadata":{"labels":{"team":"b"}}}"""), "application/merge-patch+json");

        var left = await watch.NextAsync();
        Assert.Equal(("DELETED", "labelled"), (Type(left), Name(left)));
    }

    private static string? Type(System.Text.Json.Nodes.JsonObject? e) => e?["type"]?.GetValue<string>();

    private static string? Name(System.Text.Json.Nodes.JsonObject? e) => e?["object"]?["metadata"]?["name"]?.GetValue<string>();
}
