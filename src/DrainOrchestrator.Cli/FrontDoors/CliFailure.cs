using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Migrations;
using DrainOrchestrator.Server;
using Npgsql;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>
/// A known failure as every drainctl command reports it: its <c>error:</c> lines (with whether trying again can help)
/// and its exit code: bad input (2) when the operator must change something first (a cluster's or a database's
/// configuration or credentials too); unfinished (3) when the cluster or the database could not be reached and the
/// same command run again may succeed, as for a drain interrupted by them, or when the state of what the command acts
/// on refuses it for now (a move-back of a drain not ended yet); else failed (1). One mapping for all commands, so the
/// same failure reads and exits the same whichever command met it.
/// </summary>
/// <param name="Lines">The lines for standard error.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Refused">Whether nothing was started (bad input, or a state that refuses the command for now).</param>
internal sealed record CliFailure(IReadOnlyList<string> Lines, int ExitCode, bool Refused = false)
{
    private const string Retry = " (this may succeed if tried again)";

    /// <summary>The failure <paramref name="exception"/> stands for; null for one drainctl does not know (a bug: let it surface).</summary>
    public static CliFailure? Of(Exception exception) => exception switch
    {
        RequestConflictException ex => new([.. ex.Problems.Select(p => $"error: {p.Message}{Retry}")], ExitCodes.Unfinished, Refused: true),
        InvalidRequestException ex => new([.. ex.Problems.Select(p => $"error: {p.Message}")], ExitCodes.BadInput, Refused: true),
        InvalidServeOptionsException ex => new([.. ex.Problems.Select(p => $"error: {p}")], ExitCodes.BadInput),
        DrainNotFoundException or EvacuationNotFoundException or ServerCertificateException or ArgumentException => BadInput("error: " + exception.Message),
        ClusterUnavailableException ex => new([$"error: {ex.Message}{When(ex.IsRetryable)}"],
            ex.IsConfiguration ? ExitCodes.BadInput : ex.IsRetryable ? ExitCodes.Unfinished : ExitCodes.Failed),
        // Through --server as embedded: what a retry may cure (the server unreachable, busy, unavailable) is exit 3.
        RemoteApiException ex => new([$"error: {ex.Message}{When(ex.IsRetryable)}"],
            ex.Status is 401 or 403 ? ExitCodes.BadInput : ex.IsRetryable ? ExitCodes.Unfinished : ExitCodes.Failed),
        HttpRequestException ex => new([$"error: the server could not be reached: {ex.Message}{Retry}"], ExitCodes.Unfinished),
        SchemaMigrationException ex => Failed("error: " + ex.Message),
        EmbeddedPostgresException ex => Failed($"error: {ex.Message}{When(ex.IsTransient)}"),
        PostgresException { SqlState: "28P01" or "28000" or "3D000" } ex =>
            BadInput($"error: the database refused the connection: {ex.Message}; check the user, the password and the database name"),
        NpgsqlException ex => new([$"error: the database refused or could not be reached: {ex.Message}{When(ex.IsTransient)}"],
            ex.IsTransient ? ExitCodes.Unfinished : ExitCodes.Failed),
        _ => null,
    };

    /// <summary>Writes the lines, then <paramref name="refusedLine"/> after bad input (e.g. "Nothing was started."); returns the exit code.</summary>
    public async Task<int> WriteAsync(TextWriter error, string? refusedLine = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var line in Lines)
        {
            await error.WriteLineAsync(line);
        }

        if (refusedLine is not null && (Refused || ExitCode == ExitCodes.BadInput))
        {
            await error.WriteLineAsync(refusedLine);
        }

        return ExitCode;
    }

    private static CliFailure BadInput(string line) => new([line], ExitCodes.BadInput);

    private static CliFailure Failed(string line) => new([line], ExitCodes.Failed);

    private static string When(bool retryable) => retryable ? Retry : string.Empty;
}
