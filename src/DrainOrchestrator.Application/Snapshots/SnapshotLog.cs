using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>The snapshot's log messages (event ids 4150–4154).</summary>
internal static partial class SnapshotLog
{
    [LoggerMessage(4150, LogLevel.Information, "Snapshot of {Server}: {Nodes} node(s), {Vms} VM(s), {Policies} MigrationPolicy(ies), {Warnings} warning(s), redacted {Redacted}")]
    public static partial void Taken(ILogger logger, string server, int nodes, int vms, int policies, int warnings, bool redacted);

    [LoggerMessage(4151, LogLevel.Information, "Snapshot: {Warning}")]
    public static partial void NotExpressible(ILogger logger, string warning);
}
