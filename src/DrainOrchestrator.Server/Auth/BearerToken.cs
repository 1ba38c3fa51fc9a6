using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace DrainOrchestrator.Server.Auth;

/// <summary>
/// The bearer token of a request, if any: the Authorization header; or on the Hangfire dashboard's paths only, the
/// cookie a browser got from its login form (<see cref="Jobs.DashboardAccess"/>); or on the operator dashboard's and
/// the API's paths, the unexpired session cookie of the operator dashboard (<see cref="Dashboard.UiSession"/>).
/// </summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    public static string? From(HttpRequest request)
    {
        string? header = request.Headers[HeaderNames.Authorization];
        if (header is not null)
        {
            return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length ? header[Prefix.Length..].Trim() : null;
        }

        if (request.Path.StartsWithSegments(ServerConstants.DashboardPath))
        {
            return request.Cookies.TryGetValue(Jobs.DashboardAccess.CookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
        }

        return FromSession(request);
    }

    /// <summary>The token of the operator dashboard's session cookie when this request authenticates by it (no Authorization header).</summary>
    public static string? FromSession(HttpRequest request)
    {
        if (request.Headers.ContainsKey(HeaderNames.Authorization) || !Dashboard.UiSession.Accepts(request.Path)
            || !request.Cookies.TryGetValue(Dashboard.UiSession.SessionCookie, out var session))
        {
            return null;
        }

        var time = request.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        return Dashboard.UiSession.Decode(session, time.GetUtcNow());
    }

    /// <summary>A JWT has three dot-separated parts; the tokens of the file are URL-safe base64 without dots.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
