using DrainOrchestrator.Persistence.Secrets;
using Npgsql;

namespace DrainOrchestrator.Persistence.Database;

/// <summary>
/// Where the database password comes from, so that it never has to be on a command line: the connection string
/// (<c>--db</c>, warned about; or <c>DRAIN_DB</c>), else <c>--db-password-file</c>, else <c>DRAIN_DB_PASSWORD</c>, else
/// what Npgsql finds itself as libpq does (<c>PGPASSWORD</c>, then <c>PGPASSFILE</c> or <c>~/.pgpass</c>).
/// </summary>
internal static class DatabasePassword
{
    /// <summary>The environment variable holding the password.</summary>
    public const string Variable = "DRAIN_DB_PASSWORD";

    /// <summary>The command-line option naming a file that holds the password.</summary>
    public const string FileOption = "--db-password-file";

    /// <summary>The safer ways, for messages.</summary>
    public const string SaferWays =
        "put it in a file readable only by you and pass --db-password-file FILE, or set DRAIN_DB_PASSWORD or PGPASSWORD, or use ~/.pgpass (PGPASSFILE)";

    /// <summary>The warning for a <c>--db</c> value that carries a password, or null when it carries none.</summary>
    public static string? CommandLineWarning(string? dbOption)
    {
        if (string.IsNullOrWhiteSpace(dbOption))
        {
            return null;
        }

        try
        {
            return string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(dbOption).Password)
                ? null
                : "--db carries a password, which every user of this machine can read in the process list and which stays in shell history: " + SaferWays;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The connection string with the password filled in from the file or the environment when it has none; adds to
    /// <paramref name="problems"/> what is wrong (a file others can read, two passwords) instead of throwing.
    /// </summary>
    public static string Apply(string connectionString, string? passwordFile, Func<string, string?> environment, List<string> problems)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return connectionString; // DatabaseOptions.Validate reports the malformed string.
        }

        var fromVariable = environment(Variable);
        if (passwordFile is not null)
        {
            if (!string.IsNullOrEmpty(builder.Password))
            {
                problems.Add($"the connection string carries a password and {FileOption} gives another: give it once, in the file");
                return connectionString;
            }

            if (PrivateFile.Problem(passwordFile, FileOption) is { } problem)
            {
                problems.Add(problem);
                return connectionString;
            }

            var password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
            if (password.Length == 0)
            {
                problems.Add($"{FileOption}: file '{passwordFile}' is empty: write the password in it");
                return connectionString;
            }

            builder.Password = password;
            return builder.ConnectionString;
        }

        if (string.IsNullOrEmpty(builder.Password) && !string.IsNullOrEmpty(fromVariable))
        {
            builder.Password = fromVariable;
            return builder.ConnectionString;
        }
        if (string.IsNullOrEmpty(builder.Password) && string.IsNullOrEmpty(environment("PGPASSWORD")))
        {
            // Npgsql reads the passfile itself (as libpq does) but, unlike libpq, also when others can read it.
            var passfile = builder.Passfile ?? environment("PGPASSFILE");
            if (!string.IsNullOrEmpty(passfile) && File.Exists(passfile) && PrivateFile.Problem(passfile, "PGPASSFILE") is { } problem)
            {
                problems.Add(problem);
            }
        }

        return connectionString;
    }
}
