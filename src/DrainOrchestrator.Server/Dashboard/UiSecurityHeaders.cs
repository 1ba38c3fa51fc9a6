using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Dashboard;

/// <summary>
/// The headers of every dashboard response: scripts and styles from this origin only (no inline script, no eval), no
/// framing, no content sniffing, no referrer (drain names stay on this server).
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
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
        }

        return next(context);
    }
}
