using Npgsql;

namespace DrainOrchestrator.Testing;

/// <summary>
/// Launches drainctl as an operator should: the test database's password leaves <c>--db</c> for DRAIN_DB_PASSWORD
/// (drainctl warns about a password on its command line, and that warning would be part of every output the tests read).
/// </summary>
public static class DatabasePasswordArgument
{
    public const string Variable = "DRAIN_DB_PASSWORD";

    /// <summary>The arguments with any <c>--db</c> password removed, and the environment carrying it.</summary>
    public static (List<string> Arguments, Dictionary<string, string> Environment) Separate(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var list = arguments.ToList();
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        for (var i = 0; i < list.Count - 1; i++)
        {
            if (list[i] != "--db")
            {
                continue;
            }

            var builder = new NpgsqlConnectionStringBuilder(list[i + 1]);
            if (builder.Password is { Length: > 0 } password && !env.ContainsKey(Variable))
            {
                env[Variable] = password;
                builder.Password = null;
                list[i + 1] = builder.ConnectionString;
            }
        }

        return (list, env);
    }
}
