namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// How long this engine takes from deciding a start to its VMIM existing (the journal's commit, the policy's and the
/// VMIM's creates), on its own clock: the median of its recent starts, so a cold first create (a new connection) does
/// not set it alone. The scheduler starts a source's next migration that much earlier
/// (<see cref="Core.Scheduling.SchedulerState.ReactionLead"/>), so that its transfer still begins as the NIC frees; the
/// cluster's start-up it learns is measured from the VMIM's creation and does not hold this time.
/// </summary>
internal sealed class ReactionLead
{
    /// <summary>The starts it reads the median of.</summary>
    public const int Window = 15;

    /// <summary>The starts it takes before it leads at all.</summary>
    public const int MinimumSamples = 3;

    private readonly Queue<TimeSpan> _recent = new();

    /// <summary>The lead now: zero until <see cref="MinimumSamples"/> starts.</summary>
    public TimeSpan Current { get; private set; }

    /// <summary>Notes one start, decided at <paramref name="decidedAt"/> and created at <paramref name="createdAt"/>.</summary>
    public void Record(DateTimeOffset decidedAt, DateTimeOffset createdAt)
    {
        var sample = createdAt - decidedAt;
        _recent.Enqueue(sample > TimeSpan.Zero ? sample : TimeSpan.Zero);
        if (_recent.Count > Window)
        {
            _recent.Dequeue();
        }

        if (_recent.Count >= MinimumSamples)
        {
            var sorted = _recent.Order().ToList();
            Current = sorted[sorted.Count / 2];
        }
    }
}
