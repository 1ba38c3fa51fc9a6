using System.Security.Claims;
using System.Text.Json;

namespace DrainOrchestrator.Server.Auth;

/// <summary>
/// Finds the roles of a validated JWT under <c>--jwt-role-claim</c>. A claim of exactly that name wins (a string or an
/// array of strings, e.g. <c>roles</c>, <c>groups</c>, or a namespaced <c>https://example.com/roles</c>); failing that,
/// a dotted name is a path into nested objects, as Keycloak's <c>realm_access.roles</c> or
/// <c>resource_access.CLIENT.roles</c>. The values found become role claims; only viewer, operator and admin mean anything.
/// </summary>
internal static class JwtRoles
{
    public static void AddNested(ClaimsPrincipal principal, string roleClaim)
    {
        if (principal.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == roleClaim) || !roleClaim.Contains('.'))
        {
            return;
        }

        var path = roleClaim.Split('.');
        var found = new List<string>();
        foreach (var claim in identity.FindAll(path[0]).ToList())
        {
            try
            {
                using var document = JsonDocument.Parse(claim.Value);
                Collect(document.RootElement, path.AsSpan(1), found);
            }
            catch (JsonException)
            {
                // Not an object: nothing nested under it.
            }
        }

        identity.AddClaims(found.Distinct(StringComparer.Ordinal).Select(role => new Claim(identity.RoleClaimType, role)));
    }

    private static void Collect(JsonElement element, ReadOnlySpan<string> path, List<string> found)
    {
        if (path.IsEmpty)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                found.Add(element.GetString()!);
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                found.AddRange(element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }

            return;
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(path[0], out var next))
        {
            Collect(next, path[1..], found);
        }
    }
}
