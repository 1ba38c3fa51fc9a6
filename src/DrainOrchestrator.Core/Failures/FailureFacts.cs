namespace DrainOrchestrator.Core.Failures;

/// <summary>What the engine observed about a failed attempt, from the VMIM, the VMI and the API.</summary>
/// <param name="FailureReason">The VMI's <c>migrationState.failureReason</c> or the VMIM's failure message.</param>
/// <param name="AbortRequested">The VMIM carried <c>migrationAbortRequested</c> or the VMI <c>abortRequested</c>.</param>
/// <param name="TargetUnschedulable">The target pod stayed unschedulable.</param>
/// <param name="TargetPodFailed">The target pod failed.</param>
/// <param name="VmiGone">The VMI no longer exists.</param>
/// <param name="ApiStatusCode">The HTTP status of a failed API call (creating the VMIM), if that is what failed.</param>
public sealed record FailureFacts(
    string? FailureReason = null,
    bool AbortRequested = false,
    bool TargetUnschedulable = false,
    bool TargetPodFailed = false,
    bool VmiGone = false,
    int? ApiStatusCode = null);
