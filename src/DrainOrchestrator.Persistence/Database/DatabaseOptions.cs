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

    /// <summary>
    /// <c>--db-password-file</c>: a file readable by its owner only that holds the password of <see cref="ConnectionString"/>.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>What is unsafe but allowed (a password on the command line); logged as warnings when the database opens.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>Apply pending schema files when the database is opened.</summary>
    public bool MigrateOnOpen { get; set; } = true;

    /// <summary>Settings for the private server used when no connection string is given.</summary>
    public EmbeddedPostgresOptions Embedded { get; set; } = new();

    /// <summary>Options from a command-line value (wins) and the environment.</summary>
    /// <remarks>
    /// The password, when the connection string has none, comes from <paramref name="passwordFile"/> or
    /// <c>DRAIN_DB_PASSWORD</c>, else from PGPASSWORD or the passfile as Npgsql finds them.
    /// </remarks>
    public static DatabaseOptions FromCommandLine(string? dbOption, bool? migrate,
        Func<string, string?>? environment = null, string? passwordFile = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var fromEnvironment = environment(ConnectionStringVariable);
        var problems = new List<string>();
        var connectionString = !string.IsNullOrWhiteSpace(dbOption) ? dbOption
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment : null;
        if (connectionString is not null)
        {
            connectionString = DatabasePassword.Apply(connectionString, passwordFile, environment, problems);
        }
        else if (passwordFile is not null)
        {
            problems.Add($"{DatabasePassword.FileOption} needs a connection string (--db or {ConnectionStringVariable}) to go with it; the private server keeps its own password");
        }

        bool? migrateSwitch = migrate;
        if (migrateSwitch is null)
        {
            try
            {
                migrateSwitch = ParseSwitch(environment(MigrateVariable));
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message.TrimEnd('.'));
            }
        }

        var options = new DatabaseOptions
        {
            ConnectionString = connectionString,
            OwnerConnectionString = string.IsNullOrWhiteSpace(environment(OwnerConnectionStringVariable)) ? null : environment(OwnerConnectionStringVariable),
            PasswordFile = passwordFile,
            MigrateOnOpen = migrateSwitch ?? true,
            Warnings = DatabasePassword.CommandLineWarning(dbOption) is { } warning ? [warning] : [],
        };
        problems.InsertRange(0, options.Problems());
        ThrowIfAny(problems);
        return options;
    }

    /// <summary>Checks every value and reports all problems at once.</summary>
    public void Validate() => ThrowIfAny(Problems());

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid database options: " + string.Join("; ", problems) + ".");
        }
    }

    private List<string> Problems()
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

        return problems;
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
                problems.Add($"{what} names no Host (e.g. Host=127.0.0.1;Port=5432;Username=drain;Database=drain, the password given apart)");
            }
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{what} is malformed ({ex.Message}); expected key=value pairs such as Host=127.0.0.1;Port=5432;Username=drain;Database=drain, the password given apart");
        }
    }

    private static bool ParseSwitch(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "1" or "TRUE" or "YES" or "ON" => true,
        "0" or "FALSE" or "NO" or "OFF" => false,
        _ => throw new ArgumentException($"{MigrateVariable} must be true or false, was '{value}'."),
    };
}
