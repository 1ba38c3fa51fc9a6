using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Simulator.Api;

/// <summary>Checks the <c>Authorization: Bearer</c> header against the server's token in constant time.</summary>
internal sealed class BearerTokenCheck(string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    public bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }
}
