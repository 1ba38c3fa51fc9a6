using DrainOrchestrator.Persistence.Embedded;
using Npgsql;

namespace DrainOrchestrator.Persistence.Database;

/// <summary>Which database to use and whether to bring its schema up to date on open.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The environment variable holding a connection string when <c>--db</c> is not given.</summary>
    public const string ConnectionStringVariable = "DRAIN_DB";

    /// <summary>
    /// The environment variable holding the schema owner's connection string: when set, migrations run as that role and
    /// everything else as the <c>--db</c>/<see cref="ConnectionStringVariable"/> role (README "Database roles").
    /// </summary>
    public const string OwnerConnectionStringVariable = "DRAIN_DB_OWNER";

    /// <summary>The environment variable that turns the migration at startup off (<c>0</c>, <c>false</c>, <c>no</c>).</summary>
    public const string MigrateVariable = "DRAIN_DB_MIGRATE";

    /// <summary>A PostgreSQL connection string; null starts the private embedded server.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema owner's connection string for migrations; null migrates over <see cref="ConnectionString"/>.</summary>
    public string? OwnerConnectionString { get; set; }

    /// <summary>Apply pending schema files when the database is opened.</summary>
    public bool MigrateOnOpen { get; set; } = true;

    /// <summary>Settings for the private server used when no connection string is given.</summary>
    public EmbeddedPostgresOptions Embedded { get; set; } = new();

    /// <summary>Options from a command-line value (wins) and the environment.</summary>
    public static DatabaseOptions FromCommandLine(string? dbOption, bool? migrate,
        Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var fromEnvironment = environment(ConnectionStringVariable);
        var options = new DatabaseOptions
        {
            ConnectionString = !string.IsNullOrWhiteSpace(dbOption) ? dbOption
                : !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment : null,
            OwnerConnectionString = string.IsNullOrWhiteSpace(environment(OwnerConnectionStringVariable)) ? null : environment(OwnerConnectionStringVariable),
            MigrateOnOpen = migrate ?? ParseSwitch(environment(MigrateVariable)),
        };
        options.Validate();
        return options;
    }

    /// <summary>Checks every value and reports all problems at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        CheckConnectionString(ConnectionString, "the connection string", problems);
        CheckConnectionString(OwnerConnectionString, $"the owner's connection string ({OwnerConnectionStringVariable})", problems);
        if (OwnerConnectionString is not null && ConnectionString is null)
        {
            problems.Add($"{OwnerConnectionStringVariable} is set but no connection string for the application role is (--db or {ConnectionStringVariable}); the private server chooses its own roles, unset {OwnerConnectionStringVariable} to use it");
        }

        try
        {
            Embedded.Validate();
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid database options: " + string.Join("; ", problems) + ".");
        }
    }

    private static void CheckConnectionString(string? connectionString, string what, List<string> problems)
    {
        if (connectionString is null)
        {
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.Host))
            {
                problems.Add($"{what} names no Host (e.g. Host=127.0.0.1;Port=5432;Username=drain;Password=...;Database=drain)");
            }
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{what} is malformed ({ex.Message}); expected key=value pairs such as Host=127.0.0.1;Port=5432;Username=drain;Password=...;Database=drain");
        }
    }

    private static bool ParseSwitch(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "1" or "TRUE" or "YES" or "ON" => true,
        "0" or "FALSE" or "NO" or "OFF" => false,
        _ => throw new ArgumentException($"{MigrateVariable} must be true or false, was '{value}'."),
    };
}
