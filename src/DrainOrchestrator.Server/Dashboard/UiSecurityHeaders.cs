using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Dashboard;

/// <summary>
/// The headers of every dashboard response: scripts and styles from this origin only (no inline script, no eval), no
/// framing, no content sniffing, no referrer to other sites (drain names stay on this server). Not no-referrer: with it
/// chromium sends <c>Origin: null</c> on the login form's POST, which the origin check must refuse.
/// </summary>
internal static class UiSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(ServerConstants.UiPath))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
        }

        return next(context);
    }
}
