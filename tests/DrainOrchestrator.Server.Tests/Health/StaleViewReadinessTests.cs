using System.Net;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Server.Health;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Health;

[Collection(ServerCollection.Name)]
public sealed class StaleViewReadinessTests(ServerFixture server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Readyz_NamespaceListAndWatchForbidden_NotReadyWithTheReasonWhileHealthzStaysHealthyThenReadyOnceRestored()
    {
        // The API server cuts namespace watches every second, so the revocation reaches this server's informer at once.
        await server.Sim.PostAdminAsync("/sim/v1/faults", """{"rules":[{"resource":"namespaces","verb":"watch","dropWatchAfter":"1s"}]}""");
        try
        {
            await using var replica = await server.StartServerAsync(o => o.Engine = new DrainEngineOptions { ViewStaleBound = TimeSpan.FromSeconds(2) });
            using var client = server.Client(replica.BaseAddress, null);
            using var deadline = new CancellationTokenSource(Patience);
            await UntilAsync(client, ready: true, deadline.Token);

            await server.Sim.PostAdminAsync("/sim/v1/faults",
                """{"rules":[{"resource":"namespaces","verb":"watch","forbid":true},{"resource":"namespaces","verb":"list","forbid":true}]}""");
            var stale = await UntilAsync(client, ready: false, deadline.Token);
            using var healthz = await client.GetAsync("/healthz", deadline.Token);
            await server.Sim.DeleteAdminAsync("/sim/v1/faults");
            await UntilAsync(client, ready: true, deadline.Token);

            var view = Assert.Single(stale.Checks, c => !c.Ready);
            Assert.Equal("cluster-view", view.Name);
            Assert.Contains("namespaces: not in sync", view.Detail, StringComparison.Ordinal);
            Assert.Contains("403", view.Detail, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        }
        finally
        {
            await server.Sim.DeleteAdminAsync("/sim/v1/faults");
        }
    }

    [Fact]
    public async Task Readyz_TheApiServerStopsAnsweringReads_TheViewIsNotClaimedToFollow()
    {
        await using var replica = await server.StartServerAsync(o => o.Engine = new DrainEngineOptions { ViewStaleBound = TimeSpan.FromSeconds(2) });
        using var client = server.Client(replica.BaseAddress, null);
        using var deadline = new CancellationTokenSource(Patience);
        await UntilAsync(client, ready: true, deadline.Token);
        // Node lists hang past the probe's 3 s timeout while the open watches stay quiet and unbroken, as with a frozen API
        // server; not much longer, since the drain-sim is the collection's (a relist of the shared server waits it out).
        await server.Sim.PostAdminAsync("/sim/v1/faults", """{"rules":[{"resource":"nodes","verb":"list","delay":"8s"}]}""");
        try
        {
            var frozen = await UntilAsync(client, ready: false, deadline.Token);

            Assert.False(Assert.Single(frozen.Checks, c => c.Name == "cluster").Ready);
            var view = Assert.Single(frozen.Checks, c => c.Name == "cluster-view");
            Assert.False(view.Ready, view.Detail);
            Assert.Contains("the API server does not answer", view.Detail, StringComparison.Ordinal);
        }
        finally
        {
            await server.Sim.DeleteAdminAsync("/sim/v1/faults");
        }
    }

    private static async Task<Readiness> UntilAsync(HttpClient client, bool ready, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await client.GetAsync("/readyz", cancellationToken);
            var readiness = await Support.Api.ReadAsync<Readiness>(response);
            if (readiness.Ready == ready)
            {
                Assert.Equal(ready ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
                return readiness;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
