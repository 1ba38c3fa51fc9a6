using System.Security.Cryptography;
using System.Text;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace DrainOrchestrator.Server.Dashboard;

/// <summary>
/// Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that would authenticate by the dashboard's session
/// cookie unless it carries the anti-forgery header equal to the anti-forgery cookie, and comes from this origin when
/// the browser names one. Requests with an Authorization header are not the browser's session and pass untouched; the
/// login form has its own origin check (<see cref="UiLogin"/>).
/// </summary>
internal static class CsrfGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Path.Equals(UiLogin.LoginPath, StringComparison.Ordinal)
            || request.Headers.ContainsKey(HeaderNames.Authorization) || !UiSession.Accepts(request.Path)
            || !request.Cookies.ContainsKey(UiSession.SessionCookie))
        {
            await next(context);
            return;
        }

        var why = Refusal(request);
        if (why is null)
        {
            await next(context);
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CsrfGuard).FullName!);
        ServerLog.UiCsrfRefused(logger, request.Method, request.Path.Value ?? string.Empty, why);
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, type: ApiProblems.TypeBase + "csrf",
            title: "Refused: the dashboard session needs its anti-forgery header for this request",
            detail: why + ". The dashboard's pages send it; scripts should authenticate with 'Authorization: Bearer TOKEN' instead. "
                + "Repeating the same request will not succeed.",
            extensions: new Dictionary<string, object?> { ["retryable"] = false }).ExecuteAsync(context);
    }

    /// <summary>Whether the request comes from this server's own origin, when the browser says where it comes from.</summary>
    public static bool SameOrigin(HttpRequest request)
    {
        string? origin = request.Headers.Origin;
        if (origin is not null && origin != $"{request.Scheme}://{request.Host}")
        {
            return false;
        }

        string? site = request.Headers["Sec-Fetch-Site"];
        return site is null or "same-origin" or "none";
    }

    private static string? Refusal(HttpRequest request)
    {
        if (!SameOrigin(request))
        {
            return "it came from another origin";
        }

        string? header = request.Headers[UiSession.CsrfHeader];
        if (string.IsNullOrEmpty(header))
        {
            return $"it lacks the {UiSession.CsrfHeader} header";
        }

        return request.Cookies.TryGetValue(UiSession.CsrfCookie, out var cookie)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(cookie))
            ? null
            : $"its {UiSession.CsrfHeader} header does not match this session (sign in again)";
    }
}
