using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace DrainOrchestrator.Server.Auth;

/// <summary>Registers authentication (tokens file, and OIDC JWTs when configured) and the role policies.</summary>
internal static class AuthExtensions
{
    // Not "Bearer": that is JwtBearer's scheme, and a second scheme of one name stops the host at start.
    private const string SelectorScheme = "TokenOrJwt";

    public static IServiceCollection AddDrainAuth(this IServiceCollection services, ServeOptions options, IReadOnlyList<ApiToken> tokens)
    {
        services.AddSingleton(tokens);
        var jwt = options.JwtAuthority is not null;
        var builder = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or JWT", o => o.ForwardDefaultSelector = context =>
                jwt && BearerToken.From(context.Request) is { } token && BearerToken.LooksLikeJwt(token)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : TokenAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(
                TokenAuthenticationHandler.SchemeName, null);
        if (jwt)
        {
            builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.Authority = options.JwtAuthority!.ToString();
                o.Audience = options.JwtAudience;
                // Plain HTTP is allowed for a loopback issuer only (ServeOptions refuses any other): the keys come from it.
                o.RequireHttpsMetadata = !options.JwtAuthority.IsLoopback;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = options.JwtRoleClaim;
                o.TokenValidationParameters.NameClaimType = "sub";
                o.Events = new JwtBearerEvents
                {
                    // The header as JwtBearer reads it, or the dashboard's cookie on the dashboard's paths.
                    OnMessageReceived = context =>
                    {
                        context.Token = BearerToken.From(context.Request);
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        JwtRoles.AddNested(context.Principal!, options.JwtRoleClaim);
                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c.User, ApiRole.Viewer)))
            .AddPolicy(ApiPolicies.Operate, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c.User, ApiRole.Operator)))
            .AddPolicy(ApiPolicies.Administer, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c.User, ApiRole.Admin)));
        return services;
    }

    /// <summary>Whether <paramref name="user"/> holds <paramref name="least"/> or a higher role.</summary>
    public static bool HasRole(ClaimsPrincipal user, ApiRole least) => ApiPolicies.RolesFrom(least).Any(user.IsInRole);

    /// <summary>The caller's name for the journal: the token's name or the JWT's subject.</summary>
    public static string CallerName(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "unknown";
}
