using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Hosting;

/// <summary>The server's log messages, with stable event ids. None of them carries a token or a secret.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "drainctl serve listening on {Url} (database {Database}, cluster {Cluster})")]
    public static partial void Listening(ILogger logger, string url, string database, string cluster);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Drain {DrainId} started through the API by {Caller}")]
    public static partial void DrainCreated(ILogger logger, Guid drainId, string caller);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Drain job for {DrainId} runs in this replica")]
    public static partial void JobRunning(ILogger logger, Guid drainId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Drain job for {DrainId} ended: {State} ({Reason})")]
    public static partial void JobEnded(ILogger logger, Guid drainId, string state, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Drain job for {DrainId} skipped: {Reason}")]
    public static partial void JobSkipped(ILogger logger, Guid drainId, string reason);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Drain job for {DrainId} stopped for shutdown; its lease is released for another replica")]
    public static partial void JobStoppedForShutdown(ILogger logger, Guid drainId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Supervisor enqueued drain {DrainId}, which nobody runs ({State})")]
    public static partial void SupervisorEnqueued(ILogger logger, Guid drainId, string state);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Supervisor pass failed: {Reason}")]
    public static partial void SupervisorFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "Journal poll failed: {Reason}")]
    public static partial void JournalPollFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Shutting down: no new jobs; running drains release their leases")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Workflow instance {InstanceId} started through the API by {Caller}")]
    public static partial void WorkflowCreated(ILogger logger, Guid instanceId, string caller);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Workflow job for {InstanceId} ({Name}) runs in this replica")]
    public static partial void WorkflowJobRunning(ILogger logger, Guid instanceId, string name);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "Workflow job for {InstanceId} ended: {State} ({Reason})")]
    public static partial void WorkflowJobEnded(ILogger logger, Guid instanceId, string state, string reason);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Information, Message = "Workflow job for {InstanceId} skipped: {Reason}")]
    public static partial void WorkflowJobSkipped(ILogger logger, Guid instanceId, string reason);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Information, Message = "Workflow job for {InstanceId} stopped for shutdown; its lease is released for another replica")]
    public static partial void WorkflowJobStoppedForShutdown(ILogger logger, Guid instanceId);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Information, Message = "Supervisor enqueued workflow instance {InstanceId} ({Name}), which nobody runs ({State})")]
    public static partial void WorkflowSupervisorEnqueued(ILogger logger, Guid instanceId, string name, string state);

    [LoggerMessage(EventId = 5018, Level = LogLevel.Information, Message = "Schedule fired: workflow instance {InstanceId} enqueued")]
    public static partial void ScheduleFired(ILogger logger, Guid instanceId);

    [LoggerMessage(EventId = 5019, Level = LogLevel.Warning, Message = "Schedule tick failed: {Reason}")]
    public static partial void ScheduleTickFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "Dashboard sign-in by {Caller} ({Role})")]
    public static partial void UiSignedIn(ILogger logger, string caller, string role);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Warning, Message = "Dashboard sign-in refused: {Reason}")]
    public static partial void UiSignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "Dashboard request {Method} {Path} refused: {Reason}")]
    public static partial void UiCsrfRefused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Information, Message = "Dashboard sign-out by {Caller}")]
    public static partial void UiSignedOut(ILogger logger, string caller);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Information, Message = "Move-back {MoveBackId} of drain {Drain} started through the API by {Caller}")]
    public static partial void MoveBackCreated(ILogger logger, Guid moveBackId, string drain, string caller);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Information, Message = "Rehearsal {RehearsalId} of nodes {Nodes} accepted through the API from {Caller}")]
    public static partial void RehearsalAccepted(ILogger logger, string rehearsalId, string nodes, string caller);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Information, Message = "Rehearsing a drain of {Nodes} at speed {Speed}")]
    public static partial void RehearsalRunning(ILogger logger, string nodes, double speed);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Information, Message = "Rehearsal of {Nodes} ended: the rehearsed drain {State}: {Reason}")]
    public static partial void RehearsalEnded(ILogger logger, string nodes, string state, string reason);

    [LoggerMessage(EventId = 5044, Level = LogLevel.Information, Message = "Evacuation {EvacuationId} of {SourceNamespace} to {TargetNamespace} created through the API by {Caller}")]
    public static partial void EvacuationCreated(ILogger logger, Guid evacuationId, string sourceNamespace, string targetNamespace, string caller);

    [LoggerMessage(EventId = 5045, Level = LogLevel.Information, Message = "Evacuation request by {Caller} attached to the unfinished evacuation {EvacuationId}")]
    public static partial void EvacuationAttached(ILogger logger, Guid evacuationId, string caller);

    [LoggerMessage(EventId = 5046, Level = LogLevel.Information, Message = "Running evacuation {EvacuationId}")]
    public static partial void EvacuationJobRunning(ILogger logger, Guid evacuationId);

    [LoggerMessage(EventId = 5047, Level = LogLevel.Information, Message = "Evacuation {EvacuationId} ended {State}: {Moved} of {Vms} VMs moved ({Error})")]
    public static partial void EvacuationJobEnded(ILogger logger, Guid evacuationId, string state, int moved, int vms, string error);

    [LoggerMessage(EventId = 5048, Level = LogLevel.Information, Message = "Evacuation job {EvacuationId} skipped: {Reason}")]
    public static partial void EvacuationJobSkipped(ILogger logger, Guid evacuationId, string reason);

    [LoggerMessage(EventId = 5049, Level = LogLevel.Information, Message = "Evacuation {EvacuationId} stopped for shutdown; another replica resumes it")]
    public static partial void EvacuationJobStopped(ILogger logger, Guid evacuationId);

    [LoggerMessage(EventId = 5050, Level = LogLevel.Information, Message = "Evacuation {EvacuationId} cancel through the API by {Caller}: {Outcome}")]
    public static partial void EvacuationCancelRequested(ILogger logger, Guid evacuationId, string caller, string outcome);
}
