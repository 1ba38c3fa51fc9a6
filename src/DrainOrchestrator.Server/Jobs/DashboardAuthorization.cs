using DrainOrchestrator.Server.Auth;
using Hangfire.Dashboard;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// The Hangfire dashboard behind the API's authentication: viewers see it, operators and admins may act in it (its
/// buttons show for them only). <see cref="DashboardAccess"/> refuses a viewer's actions before they get here.
/// </summary>
internal sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => AuthExtensions.HasRole(context.GetHttpContext().User, ApiRole.Viewer);

    public static bool IsReadOnly(DashboardContext context) => !AuthExtensions.HasRole(context.GetHttpContext().User, ApiRole.Operator);
}
