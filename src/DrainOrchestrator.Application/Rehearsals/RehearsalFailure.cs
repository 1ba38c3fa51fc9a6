using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Migrations;
using Npgsql;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// Why a rehearsal could not run, in one line for an operator, whichever front door reports it (drainctl rehearse,
/// the API's rehearsal job): the private parts' failures named as theirs, with whether trying again can help.
/// </summary>
/// <param name="Message">The line, retry advice included.</param>
/// <param name="IsBadInput">The request or the machine's setup must change before a retry can succeed.</param>
public sealed record RehearsalFailure(string Message, bool IsBadInput)
{
    private const string Retry = " (this may succeed if tried again)";

    /// <summary>The failure <paramref name="exception"/> stands for; null when it is not one a rehearsal reports (a bug, a cancellation).</summary>
    public static RehearsalFailure? Describe(Exception exception) => exception switch
    {
        RehearsalException ex => new(ex.Message + (ex.IsRetryable ? Retry : string.Empty), ex.IsBadInput),
        EmbeddedPostgresException ex => new("the rehearsal's private PostgreSQL: " + ex.Message + (ex.IsTransient ? Retry : string.Empty), false),
        ClusterUnavailableException ex => new("the rehearsal's private drain-sim: " + ex.Message + (ex.IsRetryable ? Retry : string.Empty), false),
        HttpRequestException or NpgsqlException or SchemaMigrationException => new("the rehearsal failed: " + exception.Message + Retry, false),
        _ => null,
    };
}
