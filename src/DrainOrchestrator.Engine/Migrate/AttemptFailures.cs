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
        _byVmi = records.Where(IsCharged)
            .GroupBy(r => r.VmiUid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="record"/> ended without moving its VMI and counts against it.</summary>
    public static bool IsCharged(AttemptRecord record) =>
        record.IsFinal && record.Outcome != AttemptOutcome.Succeeded
        && FailureDecider.IsCharged(Enum.TryParse<FailureKind>(record.FailureClass, out var kind) ? kind : null);

    /// <summary>The failed attempts of the VMI with this uid; 0 when it has none.</summary>
    public int Of(string vmiUid) => _byVmi.GetValueOrDefault(vmiUid);
}
