using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine;

/// <summary>Every log message of the engine, with stable event ids (3000-3999).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(3001, LogLevel.Information, "Took lease {Lease} (epoch {Epoch})")]
    public static partial void LeaseAcquired(ILogger logger, string lease, long epoch);

    [LoggerMessage(3002, LogLevel.Information, "Lease {Lease} is held by another live process; waiting for it to finish or expire")]
    public static partial void LeaseBusy(ILogger logger, string lease);

    [LoggerMessage(3003, LogLevel.Error, "Lost lease {Lease}: {Reason}")]
    public static partial void LeaseLost(ILogger logger, string lease, string reason);

    // Debug: while the database is unreachable the drain itself reports the outage (3030), once.
    [LoggerMessage(3004, LogLevel.Debug, "Heartbeat of {Lease} failed, will keep trying: {Reason}")]
    public static partial void HeartbeatFailed(ILogger logger, string lease, string reason);

    [LoggerMessage(3005, LogLevel.Warning, "Could not release lease {Lease} (it expires by itself): {Reason}")]
    public static partial void LeaseReleaseFailed(ILogger logger, string lease, string reason);

    [LoggerMessage(3006, LogLevel.Information, "Lease {Lease} had expired and nobody took it over: re-took it (epoch {Epoch})")]
    public static partial void LeaseRetaken(ILogger logger, string lease, long epoch);

    [LoggerMessage(3010, LogLevel.Information, "Drain {Drain}: step {Step}")]
    public static partial void StepStarted(ILogger logger, string drain, string step);

    [LoggerMessage(3011, LogLevel.Information, "Drain {Drain} finished {State}: {Reason}")]
    public static partial void DrainFinished(ILogger logger, string drain, string state, string reason);

    [LoggerMessage(3012, LogLevel.Warning, "Drain {Drain} plan: {Warning}")]
    public static partial void PlanWarning(ILogger logger, string drain, string warning);

    [LoggerMessage(3020, LogLevel.Information, "Started {Vmim} for {Vmi}: {Source} -> {Target} (attempt {Attempt}, post-copy {PostCopy}, adopted {Adopted})")]
    public static partial void MigrationStarted(ILogger logger, string vmim, string vmi, string source, string target, int attempt, bool postCopy, bool adopted);

    [LoggerMessage(3021, LogLevel.Information, "{Vmim} is {Outcome}")]
    public static partial void AttemptObserved(ILogger logger, string vmim, string outcome);

    [LoggerMessage(3022, LogLevel.Warning, "Creating {Vmim} failed: {Reason}")]
    public static partial void CreateFailed(ILogger logger, string vmim, string reason);

    [LoggerMessage(3034, LogLevel.Warning, "Creating {Vmim} failed in the infrastructure (try {Try}), trying the same name again in {DelaySeconds}s; no attempt is charged: {Reason}")]
    public static partial void CreateDeferred(ILogger logger, string vmim, int @try, double delaySeconds, string reason);

    [LoggerMessage(3035, LogLevel.Error, "Run interrupted by the infrastructure, the drain stays resumable: {Reason}")]
    public static partial void RunInterrupted(ILogger logger, string reason);

    [LoggerMessage(3023, LogLevel.Warning, "Gave up on {Vmi}: {Reason}")]
    public static partial void GaveUp(ILogger logger, string vmi, string reason);

    [LoggerMessage(3024, LogLevel.Warning, "Cleanup of {What} failed (will not block the drain): {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string what, string reason);

    [LoggerMessage(3025, LogLevel.Warning, "The coordination Lease of node {Node} expired and {Holder} took it; the drain goes on (the node is cordoned) and takes it back once free")]
    public static partial void NodeLeaseLost(ILogger logger, string node, string holder);

    [LoggerMessage(3026, LogLevel.Warning, "Renewing the coordination Lease of node {Node} failed, will retry at the next pass: {Reason}")]
    public static partial void NodeLeaseRenewalFailed(ILogger logger, string node, string reason);

    [LoggerMessage(3027, LogLevel.Information, "Took the coordination Lease of node {Node} back")]
    public static partial void NodeLeaseRetaken(ILogger logger, string node);

    [LoggerMessage(3030, LogLevel.Warning, "Database unavailable, retrying in {DelaySeconds}s: {Reason}. Nothing new starts until it is back")]
    public static partial void DatabaseUnavailable(ILogger logger, double delaySeconds, string reason);

    [LoggerMessage(3031, LogLevel.Debug, "Database still unavailable after {ElapsedSeconds}s, retrying in {DelaySeconds}s: {Reason}")]
    public static partial void DatabaseStillUnavailable(ILogger logger, double elapsedSeconds, double delaySeconds, string reason);

    // Warning like 3030, whose end it reports: operators who saw the outage see it end.
    [LoggerMessage(3032, LogLevel.Warning, "Database available again after {ElapsedSeconds}s; lease {Lease} {LeaseState} (epoch {Epoch}); reconciling with the cluster")]
    public static partial void DatabaseAvailable(ILogger logger, double elapsedSeconds, string lease, string leaseState, long epoch);

    [LoggerMessage(3033, LogLevel.Error, "Database unavailable for {ElapsedSeconds}s, longer than the outage timeout: stopping. Last error: {Reason}")]
    public static partial void DatabaseGaveUp(ILogger logger, double elapsedSeconds, string reason);

    [LoggerMessage(3080, LogLevel.Warning, "Drain {Drain}: {Refusal}")]
    public static partial void InteropRefused(ILogger logger, string drain, string refusal);

    // Information, not a warning: a cluster without the medik8s operators has no lease namespace, and every drain on it
    // would warn. The report and the journal still say it, with the fix.
    [LoggerMessage(3082, LogLevel.Information, "Drain {Drain}: {Refusal}")]
    public static partial void InteropNotInstalled(ILogger logger, string drain, string refusal);

    [LoggerMessage(3081, LogLevel.Warning, "Setting the {Feature} of node {Node} failed, will try again at the next chance: {Reason}")]
    public static partial void InteropFailed(ILogger logger, string feature, string node, string reason);

    [LoggerMessage(3090, LogLevel.Warning, "Drain {Drain} holds: the cluster view has not followed the API server for {StaleSeconds:F0} s (bound {BoundSeconds:F0} s), nothing new starts until it does: {Reason}")]
    public static partial void ViewStale(ILogger logger, string drain, double staleSeconds, double boundSeconds, string reason);

    [LoggerMessage(3091, LogLevel.Information, "Drain {Drain} resumes: the cluster view follows the API server again after {HeldSeconds:F0} s")]
    public static partial void ViewRecovered(ILogger logger, string drain, double heldSeconds);

    [LoggerMessage(3092, LogLevel.Information, "Drain {Drain} follows the KubeVirt CR's changed migration settings: {Old} -> {New}")]
    public static partial void LimitsChanged(ILogger logger, string drain, string old, string @new);

    [LoggerMessage(3093, LogLevel.Information, "Drain {Drain} swept what it owned at {When}: {Policies} MigrationPolicies, {Labels} marker labels")]
    public static partial void OwnedSwept(ILogger logger, string drain, string when, int policies, int labels);

    [LoggerMessage(3094, LogLevel.Information, "Recovered intent {Vmim}: the API server has it (uid {Uid}); it is adopted, not created again")]
    public static partial void UnconfirmedFound(ILogger logger, string vmim, string uid);

    [LoggerMessage(3096, LogLevel.Warning, "Attempt {Vmim} was recorded not created, but its VMIM exists (uid {Uid}, phase {Phase}): a late create landed; the record is reopened and followed")]
    public static partial void AttemptReopened(ILogger logger, string vmim, string? uid, string? phase);

    [LoggerMessage(3095, LogLevel.Warning, "Drain {Drain}: the Kubernetes API has failed for {ElapsedSeconds:F1} s (the run stops as interrupted after {TimeoutSeconds:F0} s); its steps run again from the journal in {DelaySeconds:F1} s: {Reason}")]
    public static partial void ApiOutageRiding(ILogger logger, string drain, double elapsedSeconds, double delaySeconds, double timeoutSeconds, string reason);

    [LoggerMessage(3100, LogLevel.Information, "Drain {Drain}: the dedicated migration network is NetworkAttachmentDefinition {Network}, subnet {Subnet}: {State}")]
    public static partial void MigrationNetworkRead(ILogger logger, string drain, string network, string subnet, string state);

    [LoggerMessage(3101, LogLevel.Warning, "Drain {Drain}: {Miss}")]
    public static partial void MigrationNetworkMissed(ILogger logger, string drain, string miss);

    [LoggerMessage(3102, LogLevel.Warning, "Drain {Drain}: the dedicated migration network cannot be used or checked: {Problem}")]
    public static partial void MigrationNetworkBroken(ILogger logger, string drain, string problem);
}
