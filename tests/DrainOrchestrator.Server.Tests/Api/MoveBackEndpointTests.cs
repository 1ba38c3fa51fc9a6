using System.Net;
using DrainOrchestrator.Server.Tests.Support;

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

    [Fact]
    public async Task MoveBack_Viewer_Is403()
    {
        using var viewer = server.Client("alice");

        using var response = await viewer.PostAsync("/api/v1/drains/no-such-drain/moveback", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
