using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>
/// A tiny OIDC issuer on a loopback port: its discovery document and a JWKS with one RSA key made for the test, and
/// the tokens it signs. <see cref="Mint"/> can also sign with a key the issuer never published, for a forged token.
/// </summary>
internal sealed class FakeOidcIssuer : IAsyncDisposable
{
    public const string Audience = "drain-api";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);

    private FakeOidcIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer URL: <c>--jwt-authority</c> and every token's <c>iss</c>.</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>How many times the discovery document was asked for.</summary>
    public int DiscoveryRequests => Volatile.Read(ref _discoveryRequests);

    private int _discoveryRequests;

    public static async Task<FakeOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var issuer = new FakeOidcIssuer(app);
        app.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref issuer._discoveryRequests);
            var authority = issuer.Authority.ToString().TrimEnd('/');
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = authority,
                ["jwks_uri"] = authority + "/jwks",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
            });
        });
        app.MapGet("/jwks", () =>
        {
            var parameters = issuer._rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = "RS256",
                        ["kid"] = "test-key",
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        issuer.Authority = new Uri(app.Urls.First());
        return issuer;
    }

    /// <summary>
    /// A signed JWT with <paramref name="claims"/> (arrays and nested objects as JSON), valid from a minute ago for
    /// <paramref name="lifetime"/> (a negative one made it expire that long ago), for <paramref name="audience"/>.
    /// </summary>
    public string Mint(IDictionary<string, object> claims, string audience = Audience, TimeSpan? lifetime = null, bool forged = false,
        string? issuer = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var life = lifetime ?? TimeSpan.FromMinutes(10);
        var (notBefore, expires) = life > TimeSpan.Zero ? (now.AddMinutes(-1), now + life) : (now + life - TimeSpan.FromMinutes(5), now + life);
        var key = new RsaSecurityKey(forged ? _stranger : _rsa) { KeyId = "test-key" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority.ToString().TrimEnd('/'),
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
        _stranger.Dispose();
    }
}
