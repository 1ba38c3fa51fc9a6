using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Dashboard;

/// <summary>
/// Signing in and out of the dashboard. <c>POST /ui/login</c> takes a pasted token (of the tokens file, or a JWT of the
/// configured issuer) from a same-origin form, checks it with the API's own authentication handlers, and only when it
/// authenticates with a role sets the session and anti-forgery cookies (<see cref="UiSession"/>). <c>POST /ui/logout</c>
/// (anti-forgery header required, as for every state change) deletes them.
/// </summary>
internal static class UiLogin
{
    public const string LoginPath = ServerConstants.UiPath + "/login";
    public const string LogoutPath = ServerConstants.UiPath + "/logout";
    public const string LoginPage = ServerConstants.UiPath + "/login.html";
    private const int MaxTokenLength = 4000;

    public static async Task<IResult> LoginAsync(HttpContext context, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(UiLogin).FullName!);
        var request = context.Request;
        if (!CsrfGuard.SameOrigin(request))
        {
            ServerLog.UiSignInRefused(logger, "the form was posted from another origin");
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Sign in from this server's own login page",
                detail: "The login form was posted from another origin; open " + LoginPage + " on this server. Repeating the same request will not succeed.");
        }

        var token = request.HasFormContentType ? (await request.ReadFormAsync(context.RequestAborted))["token"].ToString().Trim() : string.Empty;
        if (token.Length is 0 or > MaxTokenLength || token.Any(c => c <= ' ' || c > '~'))
        {
            ServerLog.UiSignInRefused(logger, "no token, or not a token's characters");
            return Back(request, "malformed");
        }

        var user = await AuthenticateAsync(context, token);
        if (user is null || !AuthExtensions.HasRole(user, ApiRole.Viewer))
        {
            ServerLog.UiSignInRefused(logger, user is null ? "the token did not authenticate" : "the token carries no role");
            return Back(request, "refused");
        }

        var expires = time.GetUtcNow() + ServerConstants.UiSessionLifetime;
        var options = UiSession.Options(request, expires);
        context.Response.Cookies.Append(UiSession.SessionCookie, UiSession.Encode(token, expires), options);
        context.Response.Cookies.Append(UiSession.CsrfCookie, UiSession.NewCsrfValue(), options);
        var (name, role) = (AuthExtensions.CallerName(user), CallerRole.Of(user)?.ToString().ToLowerInvariant() ?? "none");
        ServerLog.UiSignedIn(logger, name, role);
        return SeeOther(request.PathBase + ServerConstants.UiPath + "/");
    }

    public static IResult Logout(HttpContext context, ILoggerFactory loggers)
    {
        var options = UiSession.Options(context.Request, null);
        context.Response.Cookies.Delete(UiSession.SessionCookie, options);
        context.Response.Cookies.Delete(UiSession.CsrfCookie, options);
        var (logger, name) = (loggers.CreateLogger(typeof(UiLogin).FullName!), AuthExtensions.CallerName(context.User));
        ServerLog.UiSignedOut(logger, name);
        return SeeOther(context.Request.PathBase + LoginPage);
    }

    // The API's handlers, run on a request of their own: this request's authentication already ran (and is cached).
    private static async Task<System.Security.Claims.ClaimsPrincipal?> AuthenticateAsync(HttpContext context, string token)
    {
        await using var scope = context.RequestServices.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Scheme = context.Request.Scheme;
        probe.Request.Host = context.Request.Host;
        probe.Request.Path = "/api/v1/me";
        probe.Request.Headers.Authorization = "Bearer " + token;
        var result = await probe.AuthenticateAsync();
        return result.Succeeded ? result.Principal : null;
    }

    private static SeeOtherResult Back(HttpRequest request, string why) => SeeOther($"{request.PathBase}{LoginPage}?failed={why}");

    private static SeeOtherResult SeeOther(string location) => new(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
