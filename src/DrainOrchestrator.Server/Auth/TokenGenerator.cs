using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Server.Auth;

/// <summary>New API tokens: 32 random bytes in URL-safe base64, and the line of the tokens file that admits them.</summary>
public static class TokenGenerator
{
    /// <summary>A new token and its tokens-file line; throws <see cref="ArgumentException"/> for a bad name or role.</summary>
    public static (string Token, string FileLine) Create(string name, string role)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace) || name.StartsWith('#'))
        {
            problems.Add($"NAME must be one word without spaces and not start with '#', was '{name}'");
        }

        if (!Enum.GetValues<ApiRole>().Any(r => ApiPolicies.RoleName(r) == role))
        {
            problems.Add($"ROLE must be viewer, operator or admin, was '{role}'");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, $"{name} {role} {Hash(token)}");
    }

    /// <summary>The hex SHA-256 of a token, as the tokens file stores it.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
