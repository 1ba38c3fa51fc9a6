using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The drain's attempts as this engine wrote them: loaded from the database once (at the start of the loop, after an
/// outage, and after writes it does not mirror: restarts, reopened attempts), then kept up to date by this engine's own
/// writes, which are the only ones while it holds the lease. So a pass does not read the attempts again.
/// </summary>
internal sealed class AttemptMemory
{
    private readonly List<AttemptRecord> _records = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    /// <summary>Whether the records must be read from the database before the next pass.</summary>
    public bool Stale { get; private set; } = true;

    /// <summary>Moves on every change to the records (a load, an intent, an observation applied).</summary>
    public long Version { get; private set; }

    /// <summary>The attempts, by wave then in the order they were intended (as <see cref="AttemptStore.ListAsync"/> gives them).</summary>
    public IReadOnlyList<AttemptRecord> Records => _records;

    /// <summary>Replaces the records with what the database holds.</summary>
    public void Load(IReadOnlyList<AttemptRecord> records)
    {
        _records.Clear();
        _records.AddRange(records);
        Reindex(0);
        Stale = false;
        Version++;
    }

    /// <summary>Reads the records again before the next pass.</summary>
    public void Invalidate() => Stale = true;

    /// <summary>A new intended attempt, after its wave's last record (the database's order: wave, then id).</summary>
    public void Add(AttemptRecord record)
    {
        var at = _records.Count;
        while (at > 0 && _records[at - 1].WaveNumber > record.WaveNumber)
        {
            at--;
        }

        _records.Insert(at, record);
        Reindex(at);
        Version++;
    }

    /// <summary>Applies a recorded observation as <see cref="AttemptStore.ObserveAsync"/> applied it to the row.</summary>
    public void Apply(string vmimName, AttemptObservation observation, DateTimeOffset now)
    {
        if (_byName.TryGetValue(vmimName, out var i))
        {
            _records[i] = ObservedRecord.Applied(_records[i], observation, now);
            Version++;
        }
    }

    private void Reindex(int from)
    {
        for (var i = from; i < _records.Count; i++)
        {
            _byName[_records[i].VmimName] = i;
        }
    }
}
