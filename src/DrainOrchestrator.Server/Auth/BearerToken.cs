using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DrainOrchestrator.Server.Auth;

/// <summary>
/// The bearer token of a request, if any: the Authorization header, or on the dashboard's paths only, the cookie a
/// browser got from its login form (<see cref="Jobs.DashboardAccess"/>).
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

        return request.Path.StartsWithSegments(ServerConstants.DashboardPath)
            && request.Cookies.TryGetValue(Jobs.DashboardAccess.CookieName, out var cookie) && cookie.Length > 0
            ? cookie
            : null;
    }

    /// <summary>A JWT has three dot-separated parts; the tokens of the file are URL-safe base64 without dots.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
