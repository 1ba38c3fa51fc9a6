using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.MoveBack;

/// <summary>The move-back's log messages (engine event ids 3120-3129).</summary>
internal static partial class MoveBackLog
{
    [LoggerMessage(3120, LogLevel.Information, "Move-back {Drain}: {Returns} VM(s) return to their original nodes, {Left} left in place")]
    public static partial void Planned(ILogger logger, string drain, int returns, int left);

    [LoggerMessage(3121, LogLevel.Warning, "Move-back verify: {Vmi} is not home: {Problem}")]
    public static partial void NotHome(ILogger logger, string vmi, string problem);
}
