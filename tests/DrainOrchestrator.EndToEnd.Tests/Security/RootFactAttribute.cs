namespace DrainOrchestrator.EndToEnd.Tests.Security;

/// <summary>A fact that needs root (a private mount namespace); skipped, with the reason, for anyone else. CI runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root: the service-account directory is bind-mounted in a private mount namespace (unshare)";
        }
    }
}
