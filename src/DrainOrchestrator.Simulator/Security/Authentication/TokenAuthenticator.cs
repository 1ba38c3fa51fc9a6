using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Simulator.Security.Authentication;

/// <summary>
/// Maps the <c>Authorization: Bearer</c> header to a user: the server's admin token (compared in constant time) is
/// <see cref="UserInfo.Admin"/>, a ServiceAccount token its account; anything else is unauthenticated (401).
/// </summary>
internal sealed class TokenAuthenticator(string adminToken, ServiceAccountTokens serviceAccounts)
{
    private const string Scheme = "Bearer ";
    private readonly byte[] _admin = Encoding.UTF8.GetBytes(adminToken);

    /// <summary>The user the request authenticates as, or null when it carries no valid token.</summary>
    public UserInfo? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _admin))
        {
            return UserInfo.Admin;
        }

        return serviceAccounts.Authenticate(token);
    }
}
