using DrainOrchestrator.Server.Auth;
using Hangfire.Dashboard;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>The Hangfire dashboard behind the API's authentication: viewers see it, operators and admins may act in it.</summary>
internal sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => AuthExtensions.HasRole(context.GetHttpContext().User, ApiRole.Viewer);

    public static bool IsReadOnly(DashboardContext context) => !AuthExtensions.HasRole(context.GetHttpContext().User, ApiRole.Operator);
}
