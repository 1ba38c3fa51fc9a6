using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The records as the scheduler's attempts (<see cref="AttemptMapper"/>), each mapped once per record instance: an
/// unchanged record (the memory replaces a record when it changes) gives the same attempt instance every pass, which
/// the scheduler's <see cref="DecisionMemo"/> recognises by reference.
/// </summary>
internal sealed class CoreAttempts
{
    private readonly Dictionary<AttemptRecord, MigrationAttempt> _mapped = new(ReferenceEqualityComparer.Instance);

    public List<MigrationAttempt> Map(IReadOnlyList<AttemptRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (_mapped.Count > (2 * records.Count) + 64)
        {
            // Records replaced since: forget them (the ones still listed are mapped again below, once).
            _mapped.Clear();
        }

        var attempts = new List<MigrationAttempt>(records.Count);
        foreach (var record in records)
        {
            if (!_mapped.TryGetValue(record, out var attempt))
            {
                attempt = AttemptMapper.ToCore(record);
                _mapped[record] = attempt;
            }

            attempts.Add(attempt);
        }

        return attempts;
    }
}
