using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DrainOrchestrator.Server.Api;

/// <summary><c>GET /api/v1/me</c>: who the caller is, so a client (the dashboard) shows only the actions its role may take.</summary>
internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).RequireAuthorization(ApiPolicies.Read).WithTags("Auth")
            .WithSummary("The caller's name and highest role; for a dashboard session also its anti-forgery value");
        return api;
    }

    private static Ok<CallerView> Me(HttpContext http)
    {
        var role = CallerRole.Of(http.User) ?? ApiRole.Viewer;
        var csrf = BearerToken.FromSession(http.Request) is not null && http.Request.Cookies.TryGetValue(UiSession.CsrfCookie, out var value)
            ? value
            : null;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new CallerView(AuthExtensions.CallerName(http.User), ApiPolicies.RoleName(role), csrf));
    }
}
