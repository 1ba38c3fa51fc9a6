using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DrainOrchestrator.Server.Api;
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

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> and a problem that says what was wrong with the credentials.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var header = Request.Headers.Authorization.ToString();
        var detail = header.Length == 0
            ? "this needs credentials: send Authorization: Bearer TOKEN with a token of the server's tokens file (or a JWT of its authority)"
            : BearerToken.From(Request) is null
                ? "the Authorization header must be Bearer TOKEN (other schemes are not taken)"
                : "the bearer token is not in the server's tokens file: check it, or ask an administrator for one (drainctl serve --tokens)";
        await ApiProblems.Unauthenticated(detail).ExecuteAsync(Context);
    }

    /// <summary>403 with a problem naming the caller's role and what the request needs.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(ClaimTypes.Role)?.Value ?? "none";
        await ApiProblems.Forbidden($"the caller's role ({role}) may not do this: reading needs viewer, changing drains, workflows and schedules "
            + "needs operator, and administration needs admin (README, the API table)").ExecuteAsync(Context);
    }
}
