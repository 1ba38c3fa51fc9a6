using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DrainOrchestrator.Server.Auth;

/// <summary>The bearer token of a request, if any.</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    public static string? From(HttpRequest request)
    {
        string? header = request.Headers[HeaderNames.Authorization];
        return header is not null && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length
            ? header[Prefix.Length..].Trim()
            : null;
    }

    /// <summary>A JWT has three dot-separated parts; the tokens of the file are URL-safe base64 without dots.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
