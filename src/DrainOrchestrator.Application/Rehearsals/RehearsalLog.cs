using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>The rehearsal's log messages (event ids 4155–4159).</summary>
internal static partial class RehearsalLog
{
    [LoggerMessage(4155, LogLevel.Information, "Rehearsal: drain-sim serves {Scenario} at speed {Speed} on {Server} (pid {Pid})")]
    public static partial void SimulatorStarted(ILogger logger, string scenario, double speed, string server, int pid);

    [LoggerMessage(4156, LogLevel.Information, "Rehearsal: drain {Drain} of {Nodes} ended {State}: {Reason}")]
    public static partial void DrainEnded(ILogger logger, string drain, string nodes, string state, string reason);

    [LoggerMessage(4157, LogLevel.Information, "Rehearsal: KubeVirt alone tainted {Nodes} kubevirt.io/drain:NoSchedule")]
    public static partial void KubeVirtTainted(ILogger logger, string nodes);

    [LoggerMessage(4158, LogLevel.Warning, "Rehearsal: KubeVirt alone did not empty {Nodes} within {Timeout} of cluster time; {Left} VMI(s) left")]
    public static partial void KubeVirtTimedOut(ILogger logger, string nodes, TimeSpan timeout, int left);

    [LoggerMessage(4159, LogLevel.Warning, "Rehearsal: cleaning up {What} failed: {Message}")]
    public static partial void CleanupFailed(ILogger logger, string what, string message);
}
