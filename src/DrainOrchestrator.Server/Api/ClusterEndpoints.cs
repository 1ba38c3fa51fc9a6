using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrainOrchestrator.Server.Api;

/// <summary>Clusters: the one this server drains, with its limits and the migrations in flight now.</summary>
internal static class ClusterEndpoints
{
    public static RouteGroupBuilder MapClusters(this RouteGroupBuilder api)
    {
        api.MapGet("/clusters", (ClusterConnection cluster) => TypedResults.Ok<IReadOnlyList<ClusterOverview>>([ClusterOverview.Of(cluster)]))
            .WithTags("Clusters").RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The clusters this server drains, with their limits and migrations in flight (ours and foreign)");
        return api;
    }
}
