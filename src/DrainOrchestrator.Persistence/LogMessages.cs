using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Persistence;

/// <summary>Every log message of the persistence layer, with stable event ids (1000-1999).</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1110, LogLevel.Warning, "{Warning}")]
    public static partial void DatabaseOptionWarning(this ILogger logger, string warning);

    [LoggerMessage(1001, LogLevel.Information, "Applied schema file {FileName} in {ElapsedMs} ms")]
    public static partial void SchemaFileApplied(this ILogger logger, string fileName, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Debug, "Schema is up to date: {AlreadyApplied} files applied earlier")]
    public static partial void SchemaUpToDate(this ILogger logger, int alreadyApplied);

    [LoggerMessage(1101, LogLevel.Information, "Initialising a private PostgreSQL data directory at {DataDirectory}")]
    public static partial void InitialisingDataDirectory(this ILogger logger, string dataDirectory);

    [LoggerMessage(1102, LogLevel.Information, "Started private PostgreSQL {BinDirectory} on 127.0.0.1:{Port} with data in {DataDirectory}")]
    public static partial void ServerStarted(this ILogger logger, string binDirectory, int port, string dataDirectory);

    [LoggerMessage(1103, LogLevel.Information, "Reusing the private PostgreSQL already running on 127.0.0.1:{Port} (pid {Pid}) for {DataDirectory}")]
    public static partial void ServerAdopted(this ILogger logger, int port, int pid, string dataDirectory);

    [LoggerMessage(1104, LogLevel.Warning, "Port {Port} is taken; the private PostgreSQL uses port {OtherPort} instead")]
    public static partial void PortTaken(this ILogger logger, int port, int otherPort);

    [LoggerMessage(1105, LogLevel.Warning, "Private PostgreSQL did not start (try {Attempt}): {Reason}")]
    public static partial void StartAttemptFailed(this ILogger logger, int attempt, string reason);

    [LoggerMessage(1106, LogLevel.Information, "Stopped private PostgreSQL on port {Port}")]
    public static partial void ServerStopped(this ILogger logger, int port);

    [LoggerMessage(1107, LogLevel.Warning, "Private PostgreSQL on port {Port} did not stop cleanly: {Reason}")]
    public static partial void ServerStopFailed(this ILogger logger, int port, string reason);
}
