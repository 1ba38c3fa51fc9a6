using System.Globalization;

namespace DrainOrchestrator.Testing;

/// <summary>
/// drainctl's cluster-time knob (<c>DRAIN_CLOCK_SPEED</c>, <c>DRAIN_CLOCK_ORIGIN</c>, see drainctl's <c>DrainctlClock</c>)
/// set for a running drain-sim, so that the engine reasons in the simulator's model time: the same rate, and the same
/// instants as the cluster's timestamps.
/// </summary>
public static class ClusterClock
{
    public const string SpeedVariable = "DRAIN_CLOCK_SPEED";
    public const string OriginVariable = "DRAIN_CLOCK_ORIGIN";

    /// <summary>
    /// The environment for a drainctl against <paramref name="sim"/>: its speed, and its model clock's start (the ground
    /// truth's <c>startedAt</c>, when model time read the wall clock's time) as the origin.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(SimulatorProcess sim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var truth = await sim.GroundTruthDocumentAsync(cancellationToken);
        var startedAt = truth["startedAt"]?.GetValue<DateTimeOffset>()
            ?? throw new InvalidOperationException("drain-sim's ground truth has no startedAt: it serves no scenario model, so it has no model clock to follow.");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SpeedVariable] = sim.Speed.ToString(CultureInfo.InvariantCulture),
            [OriginVariable] = startedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
    }
}
