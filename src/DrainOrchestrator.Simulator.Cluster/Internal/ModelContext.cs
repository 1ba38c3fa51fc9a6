namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>What every part of the model shares: the state, the clock, the timers, the change stream and the ids.</summary>
internal sealed class ModelContext(ClusterState state, int seed, DateTimeOffset start)
{
    public ClusterState State { get; } = state;

    public EventQueue Events { get; } = new();

    public ChangePublisher Changes { get; } = new();

    public DeterministicIds Ids { get; } = new(seed);

    /// <summary>Separate streams per purpose, so a change in one (say, more pods) does not reshuffle the others.</summary>
    public Random AdmissionRandom { get; } = new(unchecked(seed * 31 + 7));

    public Random SchedulerRandom { get; } = new(unchecked(seed * 131 + 17));

    public DateTimeOffset Now { get; set; } = start;

    /// <summary>A node's spec, readiness or pods changed since the upgrader last looked at the nodes waiting for it.</summary>
    public bool NodesTouched { get; set; }

    public void Schedule(TimeSpan delay, Action action) => Events.Schedule(Now + delay, action);

    public void Publish(ClusterChange change) => Changes.Publish(change);
}
