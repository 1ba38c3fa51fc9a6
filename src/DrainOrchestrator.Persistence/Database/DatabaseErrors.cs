using System.Net.Sockets;
using Npgsql;

namespace DrainOrchestrator.Persistence.Database;

/// <summary>
/// Whether a failed database call can succeed if repeated later: the one place that decides it. Transient means the
/// server could not be reached or asked us to come back (connection refused, reset or closed, a server shutting down or
/// starting up, too many connections, a serialization failure or deadlock). Everything else is permanent (constraint
/// violations, syntax errors, missing tables, permissions): repeating the same call gives the same answer.
/// </summary>
public static class DatabaseErrors
{
    // Only what a restart, a failover or a busy server produces; the rest of class 53 (disk full, out of memory) and
    // class 58 (I/O errors) need an operator.
    private static readonly HashSet<string> TransientSqlStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.AdminShutdown,              // 57P01: the server is stopping (fast or immediate shutdown)
        PostgresErrorCodes.CrashShutdown,              // 57P02: another backend crashed; the server restarts
        PostgresErrorCodes.CannotConnectNow,           // 57P03: the server is starting up or shutting down
        PostgresErrorCodes.TooManyConnections,         // 53300
        PostgresErrorCodes.SerializationFailure,       // 40001
        PostgresErrorCodes.DeadlockDetected,           // 40P01
    };

    /// <summary>
    /// Whether repeating the failed call later can succeed. Only what Npgsql throws counts: false for cancellation and
    /// for any other exception, even one wrapping a database error (a caller that wrapped it has already decided).
    /// </summary>
    public static bool IsTransient(Exception? exception)
    {
        if (exception is not NpgsqlException)
        {
            return false;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException:
                    return false;
                case PostgresException postgres:
                    return IsTransientSqlState(postgres.SqlState);
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case IOException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the failed call met a server that cannot take writes until an operator acts: class 53 (disk full, out of
    /// memory), class 58 (I/O errors) or a read-only server (25006). Neither transient nor a bug of ours: the run stops,
    /// and resumes once the server is mended.
    /// </summary>
    public static bool IsServerUnfit(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: var state } && !IsTransientSqlState(state))
            {
                return state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("58", StringComparison.Ordinal)
                    || state == PostgresErrorCodes.ReadOnlySqlTransaction;
            }
        }

        return false;
    }

    /// <summary>Whether an error with this SQLSTATE is transient: class 08 (connection exception) and the codes above.</summary>
    public static bool IsTransientSqlState(string? sqlState) =>
        sqlState is not null && (sqlState.StartsWith("08", StringComparison.Ordinal) || TransientSqlStates.Contains(sqlState));

    /// <summary>A one-line reason for logs and messages, e.g. "Failed to connect to 127.0.0.1:5432: Connection refused".</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return $"{postgres.SqlState}: {postgres.MessageText.TrimEnd('.')}";
            }
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        var outer = exception.Message.TrimEnd('.');
        var inner = innermost.Message.TrimEnd('.');
        return ReferenceEquals(innermost, exception) || outer.Contains(inner, StringComparison.Ordinal) ? outer : $"{outer}: {inner}";
    }
}
