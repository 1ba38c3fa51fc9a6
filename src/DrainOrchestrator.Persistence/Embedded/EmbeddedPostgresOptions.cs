namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>How to run the private PostgreSQL server. Every value has a sensible default.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// The data directory (PGDATA). Default: <c>$XDG_DATA_HOME/drain-orchestrator/postgres</c> (or
    /// <c>~/.local/share/...</c>); as root <c>/var/lib/drain-orchestrator/postgres</c>, where the postgres user can reach it.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>The port to prefer on 127.0.0.1; 0 picks a free one. A taken port is replaced by a free one.</summary>
    public int Port { get; set; }

    /// <summary>The directory holding initdb, pg_ctl and postgres; default: found through pg_config or /usr/lib/postgresql.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>The OS user that runs the server when this process is root; initdb refuses to run as root.</summary>
    public string RootRunAsUser { get; set; } = "postgres";

    /// <summary>The database the application uses; created on first start.</summary>
    public string Database { get; set; } = "drain_orchestrator";

    /// <summary>How long to wait for the server to accept connections.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether <c>DisposeAsync</c> stops a server this process started (or took over from a dead owner).</summary>
    public bool StopOnDispose { get; set; } = true;

    /// <summary>Checks every value and reports all problems at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"Port must be between 0 and 65535, was {Port}");
        }

        if (string.IsNullOrWhiteSpace(RootRunAsUser))
        {
            problems.Add("RootRunAsUser must name an OS user, was empty");
        }

        if (string.IsNullOrWhiteSpace(Database) || Database.Contains('"', StringComparison.Ordinal))
        {
            problems.Add($"Database must be a plain name, was '{Database}'");
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            problems.Add($"StartTimeout must be positive, was {StartTimeout}");
        }

        if (DataDirectory is not null && !Path.IsPathFullyQualified(DataDirectory))
        {
            problems.Add($"DataDirectory must be an absolute path, was '{DataDirectory}'");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid embedded PostgreSQL options: " + string.Join("; ", problems) + ".");
        }
    }
}
