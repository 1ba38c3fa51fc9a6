using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The records as the scheduler's attempts (<see cref="AttemptMapper"/>), each mapped once per record instance: an
/// unchanged record (the memory replaces a record when it changes) gives the same attempt instance every pass, which
/// the scheduler's <see cref="DecisionMemo"/> recognises by reference. Each attempt carries when this process's own create
/// of its VMIM returned (<see cref="MigrationAttempt.CreatedAt"/>), which the records do not hold.
/// </summary>
internal sealed class CoreAttempts
{
    private readonly Dictionary<AttemptRecord, MigrationAttempt> _mapped = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, DateTimeOffset> _createdAt = new(StringComparer.Ordinal);

    /// <summary>Notes that this process created the VMIM <paramref name="vmimName"/> at <paramref name="at"/> (its clock).</summary>
    public void Created(string vmimName, DateTimeOffset at) => _createdAt[vmimName] = at;

    public List<MigrationAttempt> Map(IReadOnlyList<AttemptRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (_mapped.Count > (2 * records.Count) + 64)
        {
            // Records replaced since: forget them (the ones still listed are mapped again below, once).
            _mapped.Clear();
        }

        // The records are every attempt of the drain, so the creates stay as few; forgetting the ones not listed only
        // bounds a caller that maps fewer.
        if (_createdAt.Count > (2 * records.Count) + 64)
        {
            ForgetCreatesNotListed(records);
        }

        var attempts = new List<MigrationAttempt>(records.Count);
        foreach (var record in records)
        {
            var created = _createdAt.TryGetValue(record.VmimName, out var at) ? at : (DateTimeOffset?)null;
            if (!_mapped.TryGetValue(record, out var attempt) || attempt.CreatedAt != created)
            {
                attempt = AttemptMapper.ToCore(record, created);
                _mapped[record] = attempt;
            }

            attempts.Add(attempt);
        }

        return attempts;
    }

    private void ForgetCreatesNotListed(IReadOnlyList<AttemptRecord> records)
    {
        var listed = records.Select(r => r.VmimName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _createdAt.Keys.Where(n => !listed.Contains(n)).ToList())
        {
            _createdAt.Remove(name);
        }
    }
}
