using DrainOrchestrator.Persistence.Embedded;
using Npgsql;

namespace DrainOrchestrator.Persistence.Database;

/// <summary>Which database to use and whether to bring its schema up to date on open.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The environment variable holding a connection string when <c>--db</c> is not given.</summary>
    public const string ConnectionStringVariable = "DRAIN_DB";

    /// <summary>The environment variable that turns the migration at startup off (<c>0</c>, <c>false</c>, <c>no</c>).</summary>
    public const string MigrateVariable = "DRAIN_DB_MIGRATE";

    /// <summary>A PostgreSQL connection string; null starts the private embedded server.</summary>
    public string? ConnectionString { get; set; }

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
            MigrateOnOpen = migrate ?? ParseSwitch(environment(MigrateVariable)),
        };
        options.Validate();
        return options;
    }

    /// <summary>Checks every value and reports all problems at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (ConnectionString is not null)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrEmpty(builder.Host))
                {
                    problems.Add("the connection string names no Host (e.g. Host=127.0.0.1;Port=5432;Username=drain;Password=...;Database=drain)");
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add($"the connection string is malformed ({ex.Message}); expected key=value pairs such as Host=127.0.0.1;Port=5432;Username=drain;Password=...;Database=drain");
            }
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

    private static bool ParseSwitch(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "1" or "TRUE" or "YES" or "ON" => true,
        "0" or "FALSE" or "NO" or "OFF" => false,
        _ => throw new ArgumentException($"{MigrateVariable} must be true or false, was '{value}'."),
    };
}
