using System.CommandLine;

namespace DrainOrchestrator.Cli;

/// <summary>Options shared by the commands that use the database.</summary>
public static class CommonOptions
{
    /// <summary>A new <c>--db</c> option.</summary>
    public static Option<string?> Database() => new("--db")
    {
        Description = "PostgreSQL connection string without the password (default: $DRAIN_DB, else a private PostgreSQL server started from this machine's binaries).",
    };

    /// <summary>A new <c>--db-password-file</c> option.</summary>
    public static Option<string?> DatabasePasswordFile() => new("--db-password-file")
    {
        Description = "A file readable only by you holding the password of --db (else $DRAIN_DB_PASSWORD, $PGPASSWORD or ~/.pgpass; a password in --db itself is warned about).",
    };

    /// <summary>A new <c>--lease-namespace</c> option (drain commands and serve alike).</summary>
    public static Option<string> LeaseNamespace() => new("--lease-namespace")
    {
        Description = "Namespace of the per-node maintenance Leases (node-NODE), shared with node-maintenance-operator and NodeHealthCheck (their LEASE_NAMESPACE).",
        DefaultValueFactory = _ => Application.Clusters.ClusterTarget.DefaultLeaseNamespace,
    };

    /// <summary>A new <c>--verbose</c> switch.</summary>
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Log what happens underneath (to standard error).",
    };
}
