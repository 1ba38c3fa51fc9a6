using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Runs;

/// <summary>
/// The scheduler's memory, as the engine journals it: one attempt per started VMIM, finished from what the cluster shows
/// (the VMIM's final phase and failure reason, classified by Core's <see cref="FailureClassifier"/>).
/// </summary>
internal sealed class AttemptJournal
{
    private readonly List<MigrationAttempt> _attempts = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<MigrationAttempt> Attempts => _attempts;

    public void Started(StartMigration action, DateTimeOffset at)
    {
        _byName[action.Name] = _attempts.Count;
        _attempts.Add(new MigrationAttempt(action.Vmi.Uid, action.Attempt, AttemptKind.Migration, action.Name,
            action.SourceNode, action.TargetNode, action.PostCopy, AttemptStatus.InFlight, at));
    }

    /// <summary>The VMIM was never created (admission refused it, or post-copy could not be arranged).</summary>
    public void NotCreated(string name, string reason, DateTimeOffset at, int? statusCode)
    {
        var kind = FailureClassifier.Classify(new FailureFacts(reason, ApiStatusCode: statusCode));
        Finish(name, AttemptStatus.Failed, at, kind, reason);
    }

    /// <summary>Records a final VMIM; returns the attempt when it was one of ours.</summary>
    public MigrationAttempt? Observe(VmimSnapshot vmim, bool vmiGone)
    {
        if (!_byName.TryGetValue(vmim.Name, out var index) || _attempts[index].Status != AttemptStatus.InFlight)
        {
            return null;
        }

        var at = vmim.PhaseTransitions.Count > 0 ? vmim.PhaseTransitions[^1].At : vmim.CreatedAt;
        if (vmim.Phase == MigrationPhase.Succeeded)
        {
            return Finish(vmim.Name, AttemptStatus.Succeeded, at, null, null);
        }

        var reason = vmim.MigrationState?.FailureReason ?? vmim.FailureReason ?? "the migration failed without a reason";
        var aborted = vmim.AbortRequested || vmim.MigrationState?.AbortRequested == true;
        var kind = FailureClassifier.Classify(new FailureFacts(reason, aborted, VmiGone: vmiGone));
        return Finish(vmim.Name, AttemptStatus.Failed, at, kind, reason);
    }

    private MigrationAttempt Finish(string name, AttemptStatus status, DateTimeOffset at, FailureKind? kind, string? reason)
    {
        var index = _byName[name];
        var attempt = _attempts[index] with { Status = status, FinishedAt = at, Failure = kind, FailureMessage = reason };
        _attempts[index] = attempt;
        return attempt;
    }
}
