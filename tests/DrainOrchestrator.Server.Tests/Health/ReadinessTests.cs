using System.Net;
using DrainOrchestrator.Server.Health;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Health;

[Collection(ServerCollection.Name)]
public sealed class ReadinessTests(ServerFixture server)
{
    [Fact]
    public async Task Readyz_WithDatabaseSchemaAndCluster_IsReadyWithEveryCheck()
    {
        using var client = server.Client(null);
        using var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var readiness = await Support.Api.ReadAsync<Readiness>(response);
        Assert.True(readiness.Ready);
        Assert.Equal(["database", "schema", "cluster", "cluster-view"], readiness.Checks.Select(c => c.Name));
        Assert.All(readiness.Checks, c => Assert.True(c.Ready, c.Detail));
    }
}
