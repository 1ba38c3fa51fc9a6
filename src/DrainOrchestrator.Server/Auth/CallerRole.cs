using System.Security.Claims;

namespace DrainOrchestrator.Server.Auth;

/// <summary>The highest role a caller holds, for what a client shows it (the policies decide what it may do).</summary>
internal static class CallerRole
{
    public static ApiRole? Of(ClaimsPrincipal user) =>
        Enum.GetValues<ApiRole>().OrderDescending().Cast<ApiRole?>().FirstOrDefault(r => AuthExtensions.HasRole(user, r!.Value));
}
