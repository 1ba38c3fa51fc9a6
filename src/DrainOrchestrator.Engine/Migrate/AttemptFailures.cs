using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Per VMI, how many of its attempts ended without moving it: failed, aborted, or never created, except those the
/// infrastructure failed or someone else aborted (FailureDecider.IsCharged). These are what the scheduler counts against the policy's most attempts, so progress shows
/// the same number.
/// </summary>
internal sealed class AttemptFailures
{
    private readonly Dictionary<string, int> _byVmi;

    public AttemptFailures(IEnumerable<AttemptRecord> records)
    {
        _byVmi = records.Where(r => r.IsFinal && r.Outcome != AttemptOutcome.Succeeded
                && FailureDecider.IsCharged(Enum.TryParse<FailureKind>(r.FailureClass, out var kind) ? kind : null))
            .GroupBy(r => r.VmiUid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>The failed attempts of the VMI with this uid; 0 when it has none.</summary>
    public int Of(string vmiUid) => _byVmi.GetValueOrDefault(vmiUid);
}
