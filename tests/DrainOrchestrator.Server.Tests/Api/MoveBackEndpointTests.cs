using System.Net;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Server.Tests.Support;
using Npgsql;

namespace DrainOrchestrator.Server.Tests.Api;

/// <summary>POST /api/v1/drains/{id}/moveback refuses what it cannot return before anything starts.</summary>
[Collection(ServerCollection.Name)]
public sealed class MoveBackEndpointTests(ServerFixture server)
{
    [Fact]
    public async Task MoveBack_UnknownDrain_Is404NamingIt()
    {
        using var client = server.Client("olga");

        using var response = await client.PostAsync("/api/v1/drains/no-such-drain/moveback", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-drain", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"bogus":1}""")]
    [InlineData("""{"policy":{"maxParallel":1}}""")]
    public async Task MoveBack_ABody_Is400NotIgnored(string body)
    {
        using var client = server.Client("olga");

        using var response = await client.PostAsync("/api/v1/drains/no-such-drain/moveback", Support.Api.Json(body));

        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, response);
        var problem = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal("body", problem.GetProperty("field").GetString());
        Assert.Contains("takes no body", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveBack_AnEmptyObject_TakenAsNoBody()
    {
        using var client = server.Client("olga");

        using var response = await client.PostAsync("/api/v1/drains/no-such-drain/moveback", Support.Api.Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MoveBack_Viewer_Is403()
    {
        using var viewer = server.Client("alice");

        using var response = await viewer.PostAsync("/api/v1/drains/no-such-drain/moveback", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task MoveBack_ADrainNotEndedYet_Is409RetryableSayingWhatMustHappenFirst()
    {
        // A drain of this server's cluster, recorded a moment ago and not ended.
        using var client = server.Client("olga");
        var cluster = (await Support.Api.ReadJsonAsync(await client.GetAsync("/api/v1/clusters")))[0].GetProperty("server").GetString()!;
        await using var data = NpgsqlDataSource.Create(server.ConnectionString);
        var name = "unended-" + Guid.NewGuid().ToString("N")[..8];
        var drain = await new DrainStore(data, TimeProvider.System).CreateAsync(
            new NewDrain(Guid.NewGuid(), name, cluster, [name + "-a"], "{}", "drainctl/olga"), CancellationToken.None);
        try
        {
            using var response = await client.PostAsync($"/api/v1/drains/{name}/moveback", null);

            await Support.Api.ExpectAsync(HttpStatusCode.Conflict, response);
            var problem = await Support.Api.ReadJsonAsync(response);
            Assert.True(problem.GetProperty("retryable").GetBoolean());
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal(("drain", $"drain {name} is pending: move its VMs back once it has ended (retry then)"),
                (error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
        }
        finally
        {
            await using var end = data.CreateCommand(
                "UPDATE drains SET state = 'cancelled', finished_at = now() WHERE id = @id; UPDATE drain_nodes SET released_at = now() WHERE drain_id = @id");
            end.Parameters.AddWithValue("id", drain.Id);
            await end.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task MoveBack_DrainOfAnotherClusterWithAnUnfinishedMoveBack_Is400NamingItsCluster()
    {
        // A drain of another cluster (the same database serves both) whose move-back is unfinished there.
        await using var data = NpgsqlDataSource.Create(server.ConnectionString);
        var store = new DrainStore(data, TimeProvider.System);
        var name = "elsewhere-" + Guid.NewGuid().ToString("N")[..8];
        const string Elsewhere = "https://elsewhere.example:6443";
        var drain = await store.CreateAsync(new NewDrain(Guid.NewGuid(), name, Elsewhere, [name + "-a"], "{}", "drainctl/olga"), CancellationToken.None);
        var moveBack = await store.CreateAsync(new NewDrain(Guid.NewGuid(), "moveback-" + name, Elsewhere, [name + "-b"], "{}", "drainctl/olga")
        {
            ReturnsDrain = drain.Id,
        }, CancellationToken.None);
        using var client = server.Client("olga");
        try
        {
            using var response = await client.PostAsync($"/api/v1/drains/{name}/moveback", null);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
            Assert.Contains($"ran on cluster {Elsewhere}", body, StringComparison.Ordinal);
            Assert.Contains("connect to its cluster", body, StringComparison.Ordinal);
        }
        finally
        {
            // Ended, so that no other test of the shared database sees them unfinished.
            await using var end = data.CreateCommand(
                "UPDATE drains SET state = 'cancelled', finished_at = now() WHERE id = ANY(@ids); UPDATE drain_nodes SET released_at = now() WHERE drain_id = ANY(@ids)");
            end.Parameters.AddWithValue("ids", new[] { drain.Id, moveBack.Id });
            await end.ExecuteNonQueryAsync();
        }
    }
}
