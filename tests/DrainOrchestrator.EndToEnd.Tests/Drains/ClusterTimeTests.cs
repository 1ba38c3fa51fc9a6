using System.Globalization;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// Cluster time (issue 16, point 1): drain-sim serves the cluster at <c>--speed N</c>, and drainctl with its cluster
/// clock (<c>DRAIN_CLOCK_SPEED</c>, <c>DRAIN_CLOCK_ORIGIN</c>) reasons in the same model time, so a drain at speed 20
/// makes the schedule it makes at speed 1: the same VMs out of each source in the same order and waves, and a makespan
/// (model time, from the ground truth) within 5%; and the engine's clock agrees with the cluster's timestamps. Without
/// the knob the speed-20 makespan was 1.20 times speed 1's.
/// </summary>
/// <remarks>
/// Two starts out of different sources due within a decision's delay of each other may come in either order at speed
/// 20 on a busy machine: a pass 100 ms late in wall time is 2 s late in model time (a CI run under load 11 to 21 once
/// swapped two such starts, and the targets they took, with the same makespan). Each source's own order may not change.
/// </remarks>
[Collection(ClockSensitiveCollection.Name)]
public sealed class ClusterTimeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_AtSpeed20WithTheClusterClock_MakesTheScheduleOfSpeed1()
    {
        var slow = await DrainAsync(1);
        var fast = await DrainAsync(20);

        Assert.Equal(6, slow.Moves.Count);
        Assert.True(slow.PerSource().SequenceEqual(fast.PerSource()) && fast.Moves.All(m => m.Outcome == "Succeeded"),
            $"speed 1: {slow}{Environment.NewLine}speed 20: {fast}");
        var ratio = fast.Makespan / slow.Makespan;
        Assert.True(ratio is >= 0.95 and <= 1.05,
            $"makespan at speed 20 {fast.Makespan.TotalSeconds:F2} s over speed 1 {slow.Makespan.TotalSeconds:F2} s = {ratio:F3}, not within 5%");
    }

    private async Task<Schedule> DrainAsync(double speed)
    {
        await using var sim = await SimulatorProcess.StartAsync("cluster-time.yaml", speed);
        var clock = await ClusterClock.EnvironmentAsync(sim, CancellationToken.None);

        // A minute's lease: a create's deadline (a quarter of it, in model time) stays far above a busy machine's
        // round trip at speed 20. Both speeds run with it, so only the clock differs.
        var (code, output) = await Drainctl.RunAsync(clock, "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--lease-seconds", "60", "--db", database.ConnectionString);

        Assert.True(code == 0, $"speed {speed.ToString(CultureInfo.InvariantCulture)}: {output}");
        var truth = await sim.GroundTruthAsync();
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, attempts, maxParallel: 5, maxOutbound: 2);
        Assert.Equal(0, truth.VmiLosses);
        // Engine time and cluster time agree, not only run at the same rate: each intent (stamped by the engine's clock)
        // precedes its VMIM's creation (stamped by the cluster's) by the journal commit and the POST alone: about 1 s of
        // model time at speed 20 (50 ms of wall time), 8 s allowed for a busy machine. An engine clock that merely ran 20
        // times as fast from its own start lags the cluster by its start-up times 19: 31 s when tried.
        Assert.All(attempts, a => Assert.InRange((a.CreatedAt!.Value - a.IntendedAt).TotalSeconds, -1, 8));
        var waves = attempts.ToDictionary(a => a.VmimName, a => a.WaveNumber, StringComparer.Ordinal);
        return new Schedule(
            [.. truth.Migrations.Select(m => new Move(m.VmiName, m.SourceNode, m.TargetNode, waves[m.Name], m.Outcome))],
            truth.Makespan, truth.CreationTimes);
    }

    /// <summary>
    /// The VMIMs in the order the simulator saw them created, and the drain's makespan in model time; the creation
    /// times (model seconds after the first) only for the message of a failure.
    /// </summary>
    private sealed record Schedule(IReadOnlyList<Move> Moves, TimeSpan Makespan, IReadOnlyList<TimeSpan> CreatedAfterFirst)
    {
        /// <summary>Each source's moves in creation order (VM, wave), sources by name.</summary>
        public IEnumerable<string> PerSource() => Moves.GroupBy(m => m.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: " + string.Join(", ", g.Select(m => $"{m.Vmi}/{m.Wave}")));

        public override string ToString() =>
            $"makespan {Makespan.TotalSeconds:F2} s; " + string.Join(", ", Moves.Zip(CreatedAfterFirst, (m, at) => $"{m} at +{at.TotalSeconds:F2} s"));
    }

    private sealed record Move(string Vmi, string? Source, string? Target, int Wave, string? Outcome);
}
