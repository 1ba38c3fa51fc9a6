using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Dashboard;

/// <summary>
/// The dashboard's browser session: two cookies set by <c>POST /ui/login</c> once the pasted token authenticated.
/// <list type="bullet">
/// <item><see cref="SessionCookie"/> (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) carries
/// <c>v1.EXPIRES.TOKEN</c>: the token as the API's handlers check it on every request, and when the sign-in ends
/// (Unix seconds), refused by the server afterwards even if a browser kept the cookie.</item>
/// <item><see cref="CsrfCookie"/> (same flags) carries a random anti-forgery value, handed to the dashboard's scripts by
/// <c>GET /api/v1/me</c>. A state-changing request that authenticates by the session cookie must repeat it in
/// <see cref="CsrfHeader"/> (<see cref="CsrfGuard"/>); a cross-site page can neither read it nor set the header.</item>
/// </list>
/// </summary>
internal static class UiSession
{
    public const string SessionCookie = "drain_ui_session";
    public const string CsrfCookie = "drain_ui_csrf";
    public const string CsrfHeader = "X-Drain-Csrf";
    private const string Version = "v1";

    /// <summary>Paths on which the session cookie stands for a bearer token: the dashboard's and the API's.</summary>
    public static bool Accepts(PathString path) =>
        path.StartsWithSegments(ServerConstants.UiPath) || path.StartsWithSegments("/api/v1");

    /// <summary>The cookie's value for <paramref name="token"/>, ending at <paramref name="expires"/>.</summary>
    public static string Encode(string token, DateTimeOffset expires) =>
        $"{Version}.{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{token}";

    /// <summary>The token in a session cookie's value; null when malformed or expired at <paramref name="now"/>.</summary>
    public static string? Decode(string value, DateTimeOffset now)
    {
        var parts = value.Split('.', 3);
        return parts.Length == 3 && parts[0] == Version && parts[2].Length > 0
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && now.ToUnixTimeSeconds() < expires
            ? parts[2]
            : null;
    }

    /// <summary>A new anti-forgery value: 32 random bytes, URL-safe base64.</summary>
    public static string NewCsrfValue() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The options of both cookies; <paramref name="expires"/> null to delete them.</summary>
    public static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = request.PathBase.HasValue ? request.PathBase.Value : "/",
        Expires = expires,
        IsEssential = true,
    };
}
