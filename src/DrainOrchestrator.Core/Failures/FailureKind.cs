namespace DrainOrchestrator.Core.Failures;

/// <summary>Why a migration attempt failed.</summary>
public enum FailureKind
{
    /// <summary>Nothing recognisable; treated as transient.</summary>
    Unknown,

    /// <summary>The completion budget ran out ("not completed after N seconds").</summary>
    DidNotConverge,

    /// <summary>Remaining data stopped falling ("stuck for N seconds").</summary>
    Stalled,

    /// <summary>The target pod could not be scheduled on the pinned target.</summary>
    TargetUnschedulable,

    /// <summary>The target pod failed.</summary>
    TargetPodFailed,

    /// <summary>The migration was aborted by request (its VMIM deleted).</summary>
    Aborted,

    /// <summary>The VMI no longer exists.</summary>
    VmiGone,

    /// <summary>A post-copy migration failed and the guest was lost; KubeVirt restarts it through its run strategy.</summary>
    PostCopyFailed,

    /// <summary>The Kubernetes API refused or failed the request.</summary>
    ApiError,

    /// <summary>
    /// The maintenance window ended and the policy aborted the migration: it is tried again in the next window (as a
    /// failed attempt, under the attempt limit).
    /// </summary>
    WindowEnded,

    /// <summary>
    /// The infrastructure failed, not the VM: the API server or the network (5xx, timeouts, RBAC), or the engine stopped
    /// between the intent and the act. Never counted against the VM's attempts (<see cref="FailureDecider.ChargedFailures"/>).
    /// </summary>
    Infrastructure,

    /// <summary>
    /// Someone else ended the migration: its VMIM was deleted (by an operator or another controller, not this drain)
    /// before it finished. Not the VM's fault, so not counted against its attempts (<see cref="FailureDecider.IsCharged"/>).
    /// </summary>
    AbortedExternally,
}
