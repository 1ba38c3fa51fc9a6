using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrainOrchestrator.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer TOKEN</c> against the tokens file: the token's SHA-256 is compared with
/// every stored hash in constant time (all of them, so the time says nothing about which one matched). The token is
/// never logged, not even in part.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IReadOnlyList<ApiToken> tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.From(Request);
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        ApiToken? match = null;
        foreach (var candidate in tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate.Sha256))
            {
                match = candidate;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the bearer token is not in the tokens file"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.Role, ApiPolicies.RoleName(match.Role))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
