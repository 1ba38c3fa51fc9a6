using System.Globalization;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>The directory holding the machine's own PostgreSQL server programs (initdb, pg_ctl, postgres).</summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    /// <summary>The apt command that installs the server programs on Debian and Ubuntu.</summary>
    public const string InstallHint = "apt-get install -y postgresql";

    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    /// <summary>Path of one program in <see cref="BinDirectory"/>.</summary>
    public string Program(string name) => Path.Combine(BinDirectory, name);

    /// <summary>
    /// Finds the server programs: an explicit directory if given, else <c>pg_config --bindir</c>, else the newest
    /// <c>/usr/lib/postgresql/*/bin</c>. Throws with the apt command that fixes it when none holds them.
    /// </summary>
    public static PostgresBinaries Locate(string? explicitDirectory, Func<string?>? pgConfigBinDir = null,
        string debianRoot = "/usr/lib/postgresql")
    {
        if (!string.IsNullOrEmpty(explicitDirectory))
        {
            return HasServer(explicitDirectory)
                ? new PostgresBinaries(explicitDirectory)
                : throw new EmbeddedPostgresException(
                    $"'{explicitDirectory}' does not hold the PostgreSQL server programs ({string.Join(", ", RequiredPrograms)}). Point to the bin directory of a PostgreSQL server installation, or install one: {InstallHint}");
        }

        var searched = new List<string>();
        var fromPgConfig = (pgConfigBinDir ?? PgConfig.BinDir)();
        if (fromPgConfig is not null)
        {
            searched.Add(fromPgConfig);
            if (HasServer(fromPgConfig))
            {
                return new PostgresBinaries(fromPgConfig);
            }
        }

        foreach (var candidate in DebianCandidates(debianRoot))
        {
            searched.Add(candidate);
            if (HasServer(candidate))
            {
                return new PostgresBinaries(candidate);
            }
        }

        var where = searched.Count == 0 ? $"no pg_config and nothing under {debianRoot}" : string.Join(", ", searched);
        throw new EmbeddedPostgresException(
            $"No PostgreSQL server programs found (searched {where}). Install them with: {InstallHint} (as root), or give a connection string with --db or DRAIN_DB.");
    }

    private static bool HasServer(string directory) =>
        RequiredPrograms.All(p => File.Exists(Path.Combine(directory, p)));

    private static IEnumerable<string> DebianCandidates(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .Select(d => (Dir: d, Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"));
    }
}
