namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>A workflow instance was recorded (pending), pinning its definition.</summary>
/// <param name="Workflow">The definition's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="ContentHash">The SHA-256 of the pinned text.</param>
/// <param name="RequestedBy">Who started it.</param>
[JournalEvent("workflow.created", 1)]
public sealed record WorkflowCreated(string Workflow, int Version, string ContentHash, string? RequestedBy) : JournalEvent;

/// <summary>A workflow instance's state changed (started, waiting, paused, resumed, ended), and why.</summary>
/// <param name="From">The state before.</param>
/// <param name="To">The state now: pending, running, waiting, paused, succeeded, failed or cancelled.</param>
/// <param name="Detail">What it waits for, or why it paused or ended; null when nothing more is to say.</param>
[JournalEvent("workflow.state_changed", 1)]
public sealed record WorkflowStateChanged(string From, string To, string? Detail) : JournalEvent;

/// <summary>A step run began (its key is batch-prefixed inside a forEachBatch: <c>batches[2]/drain</c>).</summary>
/// <param name="Step">The step's key.</param>
/// <param name="StepKind">Its kind, e.g. Drain or Approval.</param>
[JournalEvent("workflow.step.started", 1)]
public sealed record WorkflowStepStarted(string Step, string StepKind) : JournalEvent;

/// <summary>A step run ended: <see cref="WorkflowStepSucceeded"/>, <see cref="WorkflowStepFailed"/> or <see cref="WorkflowStepSkipped"/>.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="StepKind">Its kind.</param>
/// <param name="Reason">Why it failed or was skipped; null on success.</param>
public abstract record WorkflowStepEnded(string Step, string StepKind, string? Reason) : JournalEvent
{
    /// <summary>The end for the step state recorded in workflow_steps (succeeded, failed, skipped).</summary>
    public static WorkflowStepEnded Of(string state, string step, string stepKind, string? reason) => state switch
    {
        "succeeded" => new WorkflowStepSucceeded(step, stepKind, reason),
        "skipped" => new WorkflowStepSkipped(step, stepKind, reason),
        "failed" => new WorkflowStepFailed(step, stepKind, reason),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a step ends succeeded, failed or skipped"),
    };
}

/// <summary>The step finished.</summary>
[JournalEvent("workflow.step.succeeded", 1)]
public sealed record WorkflowStepSucceeded(string Step, string StepKind, string? Reason) : WorkflowStepEnded(Step, StepKind, Reason);

/// <summary>The step failed; its failure policy decides what follows (stop, skip the batch, or pause).</summary>
[JournalEvent("workflow.step.failed", 1)]
public sealed record WorkflowStepFailed(string Step, string StepKind, string? Reason) : WorkflowStepEnded(Step, StepKind, Reason);

/// <summary>The step failed and its failure policy skips the rest of its batch.</summary>
[JournalEvent("workflow.step.skipped", 1)]
public sealed record WorkflowStepSkipped(string Step, string StepKind, string? Reason) : WorkflowStepEnded(Step, StepKind, Reason);

/// <summary>An operator approved an approval step.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="By">Who approved it.</param>
[JournalEvent("workflow.approval.granted", 1)]
public sealed record WorkflowApprovalGranted(string Step, string By) : JournalEvent;

/// <summary>An alert gate blocks (the query returned series, or Prometheus could not be asked); journaled when the reason changes.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="Blocking">What blocks it.</param>
[JournalEvent("workflow.gate.blocked", 1)]
public sealed record WorkflowGateBlocked(string Step, string Blocking) : JournalEvent;

/// <summary>An alert gate that had blocked let the workflow go on.</summary>
/// <param name="Step">The step's key.</param>
[JournalEvent("workflow.gate.cleared", 1)]
public sealed record WorkflowGateCleared(string Step) : JournalEvent;

/// <summary>One attempt of an HTTP hook or notification failed; it is retried per the step's policy.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="Attempt">The attempt, from 1.</param>
/// <param name="Reason">What went wrong.</param>
[JournalEvent("workflow.hook.attempt_failed", 1)]
public sealed record WorkflowHookAttemptFailed(string Step, int Attempt, string Reason) : JournalEvent;

/// <summary>A notification was delivered (the webhook answered 2xx).</summary>
/// <param name="Step">The step's key.</param>
/// <param name="Url">Where it went (without credentials in the query: only scheme, host and path).</param>
[JournalEvent("workflow.notification.sent", 1)]
public sealed record WorkflowNotificationSent(string Step, string Url) : JournalEvent;

/// <summary>A drain step started a drain: its own journal (by drain id) tells the rest.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="DrainId">The drain's id.</param>
/// <param name="DrainName">The drain's name.</param>
/// <param name="Adopted">
/// The step attached to an unfinished drain of the same nodes that someone else started (an operator, another
/// instance) instead of starting one: the instance's pause, resume and cancel leave such a drain to its owner. True
/// then, and absent (null) for a drain the step started.
/// </param>
[JournalEvent("workflow.drain.started", 1)]
public sealed record WorkflowDrainStarted(string Step, Guid DrainId, string DrainName, bool? Adopted = null) : JournalEvent;

/// <summary>An evacuate step started (or attached to) an evacuation: its own journal (by evacuation id) tells the rest.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="EvacuationId">The evacuation's id.</param>
/// <param name="FromNamespace">The namespace the VMs leave.</param>
/// <param name="ToNamespace">The namespace they go to.</param>
[JournalEvent("workflow.evacuation.started", 1)]
public sealed record WorkflowEvacuationStarted(string Step, Guid EvacuationId, string FromNamespace, string ToNamespace) : JournalEvent;
