using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Runs;

/// <summary>How an advance of model time ended.</summary>
internal enum AdvanceStop
{
    /// <summary>Something the driver waits for happened.</summary>
    Event,

    /// <summary>The driver's own timer came due.</summary>
    Timer,

    /// <summary>Nothing will happen on its own any more.</summary>
    Idle,

    /// <summary>The run's time limit was reached.</summary>
    Deadline,
}

/// <summary>Moves the model from event to event, stopping at the first one a driver reacts to.</summary>
internal static class VirtualTime
{
    public static AdvanceStop AdvanceUntil(SimulatedCluster cluster, Func<bool> happened, DateTimeOffset? wakeAt, DateTimeOffset deadline)
    {
        while (!happened())
        {
            var next = cluster.NextEventTime;
            if (wakeAt is { } wake && (next is null || wake <= next))
            {
                if (wake > deadline)
                {
                    cluster.AdvanceTo(deadline);
                    return AdvanceStop.Deadline;
                }

                cluster.AdvanceTo(wake);
                return happened() ? AdvanceStop.Event : AdvanceStop.Timer;
            }

            if (next is null)
            {
                return AdvanceStop.Idle;
            }

            if (next > deadline)
            {
                cluster.AdvanceTo(deadline);
                return AdvanceStop.Deadline;
            }

            cluster.AdvanceTo(next.Value);
        }

        return AdvanceStop.Event;
    }
}
