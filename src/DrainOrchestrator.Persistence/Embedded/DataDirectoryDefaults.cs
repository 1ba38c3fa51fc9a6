namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>Where the private server keeps its data when nobody says otherwise.</summary>
public static class DataDirectoryDefaults
{
    /// <summary>Root's home is closed to the postgres user, so root's server lives under /var/lib.</summary>
    public const string RootDataDirectory = "/var/lib/drain-orchestrator/postgres";

    /// <summary>The default data directory for this process's user.</summary>
    public static string ForCurrentUser() => UnixUser.IsRoot ? RootDataDirectory : ForUser(
        Environment.GetEnvironmentVariable("XDG_DATA_HOME"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The XDG data location for an ordinary user.</summary>
    public static string ForUser(string? xdgDataHome, string home)
    {
        var dataHome = string.IsNullOrEmpty(xdgDataHome) || !Path.IsPathFullyQualified(xdgDataHome)
            ? Path.Combine(home, ".local", "share")
            : xdgDataHome;
        return Path.Combine(dataHome, "drain-orchestrator", "postgres");
    }
}
