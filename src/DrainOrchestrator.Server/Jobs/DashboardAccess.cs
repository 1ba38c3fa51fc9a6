using System.Net;
using DrainOrchestrator.Server.Auth;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// What stands before the Hangfire dashboard. Scripts send <c>Authorization: Bearer</c> as to the API. A browser cannot
/// send that header on navigation, so a person posts a token (of the file, or a JWT) to <c>/hangfire/login</c> and
/// gets it back as a cookie that only the dashboard's paths accept (HttpOnly, SameSite=Strict, Secure over HTTPS; the
/// API never reads it, so a cross-site request cannot use it there). Without a usable token a browser gets the login
/// form with 401. Every POST but the statistics poll is an action on jobs: operators and admins only, 403 for a
/// viewer, whatever the dashboard's own read-only mode covers.
/// </summary>
internal static class DashboardAccess
{
    public const string CookieName = "drain_dashboard_token";
    public const string LoginPath = ServerConstants.DashboardPath + "/login";
    public const string LogoutPath = ServerConstants.DashboardPath + "/logout";

    // The only POST of the dashboard that changes nothing: its pages poll their counters with it.
    private const string StatsPath = ServerConstants.DashboardPath + "/stats";

    // A single job's buttons (requeue, delete): POSTs without a body.
    private const string JobActionsPath = ServerConstants.DashboardPath + "/jobs/actions";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(ServerConstants.DashboardPath))
        {
            await next(context);
            return;
        }

        var post = HttpMethods.IsPost(request.Method);
        if (post && request.Path.Equals(LoginPath, StringComparison.Ordinal))
        {
            await LoginAsync(context);
            return;
        }

        if (post && request.Path.Equals(LogoutPath, StringComparison.Ordinal))
        {
            context.Response.Cookies.Delete(CookieName, Cookie(request));
            context.Response.Redirect(request.PathBase + ServerConstants.DashboardPath);
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            return;
        }

        if (!AuthExtensions.HasRole(context.User, ApiRole.Viewer))
        {
            if (HttpMethods.IsGet(request.Method) && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
            {
                await LoginFormAsync(context, BearerToken.From(request) is null ? null : "That token was not accepted (unknown, expired, or without a role).");
                return;
            }

            context.Response.StatusCode = context.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return;
        }

        if (post && !request.Path.Equals(StatsPath, StringComparison.Ordinal) && !AuthExtensions.HasRole(context.User, ApiRole.Operator))
        {
            // The dashboard's buttons post with a script that shows what comes back: say why, and what would succeed.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Acting on jobs (retry, delete, requeue) takes the operator or admin role; this sign-in is a viewer's. "
                + "Sign in with an operator's token to act.\n", context.RequestAborted);
            return;
        }

        // The dashboard's POSTs read a form (its counters, its batch buttons), except the single job's buttons, whose
        // script sends no body; Hangfire answers a formless one with a 500, as if the server had failed.
        if (post && !request.HasFormContentType && !request.Path.StartsWithSegments(JobActionsPath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The dashboard's POST requests take a form (application/x-www-form-urlencoded), as its pages send.\n",
                context.RequestAborted);
            return;
        }

        await next(context);
    }

    /// <summary>The options of the dashboard cookie (also to delete it).</summary>
    public static CookieOptions Cookie(HttpRequest request) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = request.PathBase + ServerConstants.DashboardPath,
        IsEssential = true,
    };

    private static async Task LoginAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Dashboard.CsrfGuard.SameOrigin(request))
        {
            // Login forgery: another site's form would sign the browser in as the attacker's identity.
            await LoginFormAsync(context, "The sign-in form was posted from another origin: sign in from this page.", StatusCodes.Status403Forbidden);
            return;
        }

        string? token = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            token = form["token"].ToString().Trim();
        }

        if (string.IsNullOrEmpty(token) || token.Length > 4000 || token.Any(c => c <= ' ' || c > '~'))
        {
            await LoginFormAsync(context, "Paste an API token or a JWT (at most 4000 printable characters).", StatusCodes.Status400BadRequest);
            return;
        }

        // Checked on the next request, by the same handlers as a bearer header; a rejected one shows this form again.
        context.Response.Cookies.Append(CookieName, token, Cookie(request));
        context.Response.Redirect(request.PathBase + ServerConstants.DashboardPath);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static Task LoginFormAsync(HttpContext context, string? message, int status = StatusCodes.Status401Unauthorized)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var action = WebUtility.HtmlEncode(context.Request.PathBase + LoginPath);
        var note = message is null ? string.Empty : $"<p><strong>{WebUtility.HtmlEncode(message)}</strong></p>";
        return context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>DrainOrchestrator jobs dashboard</title></head>
            <body>
            <h1>DrainOrchestrator jobs dashboard</h1>
            {{note}}
            <p>Sign in with an API token (<code>drainctl token new NAME ROLE</code>) or a JWT of the configured issuer.
            Viewers see the dashboard; operators and admins may also act on jobs.</p>
            <form method="post" action="{{action}}">
            <label>Token <input type="password" name="token" autocomplete="off" required></label>
            <button type="submit">Open the dashboard</button>
            </form>
            </body></html>
            """, context.RequestAborted);
    }
}
