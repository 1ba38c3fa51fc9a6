using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace DrainOrchestrator.Server.Dashboard;

/// <summary>
/// The operator dashboard under <c>/ui/</c>: static pages and scripts (anonymous: they hold no data, and send a browser
/// without a session to the login page) that read and act through <c>/api/v1</c> with the session cookie.
/// </summary>
internal static class UiEndpoints
{
    public static IServiceCollection AddDrainUi(this IServiceCollection services) => services.AddSingleton<UiFiles>();

    /// <summary>The security headers and the anti-forgery check; after authentication, before authorization.</summary>
    public static WebApplication UseDrainUi(this WebApplication app)
    {
        app.Use(UiSecurityHeaders.InvokeAsync);
        app.Use(CsrfGuard.InvokeAsync);
        return app;
    }

    public static IEndpointRouteBuilder MapDrainUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ServerConstants.UiPath + "/{*file}", Serve).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(UiLogin.LoginPath, UiLogin.LoginAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapPost(UiLogin.LogoutPath, UiLogin.Logout).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    private static IResult Serve(string? file, HttpContext http, UiFiles files)
    {
        // The route matches /ui as well as /ui/ (routing ignores a trailing slash): send /ui to /ui/, where relative links work.
        if (!http.Request.Path.Value!.EndsWith('/') && string.IsNullOrEmpty(file))
        {
            return Results.Redirect(http.Request.PathBase + ServerConstants.UiPath + "/");
        }

        var found = files.Find(string.IsNullOrEmpty(file) ? "index.html" : file);
        if (found is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = found.ETag;
        if (http.Request.Headers[HeaderNames.IfNoneMatch] == found.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(found.Content, found.ContentType);
    }
}
