using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>What the engine recorded in PostgreSQL, read back for judging.</summary>
internal static class Records
{
    public static async Task<IReadOnlyList<DrainRecord>> DrainsAsync(NpgsqlDataSource dataSource) =>
        await new DrainStore(dataSource, TimeProvider.System).ListAsync(activeOnly: false, CancellationToken.None);

    public static async Task<DrainRecord> OnlyDrainOfAsync(NpgsqlDataSource dataSource, string kubeconfigServer)
    {
        var drains = (await DrainsAsync(dataSource)).Where(d => d.Cluster == kubeconfigServer).ToList();
        return Assert.Single(drains);
    }

    public static async Task<IReadOnlyList<AttemptRecord>> AttemptsAsync(NpgsqlDataSource dataSource, Guid drainId) =>
        await new AttemptStore(dataSource, TimeProvider.System).ListAsync(drainId, CancellationToken.None);

    /// <summary>
    /// The invariants every run must keep, whatever happened to the engine: each VMIM in the cluster is one recorded
    /// attempt (none created twice, none unrecorded), and the simulator saw no KubeVirt limit exceeded.
    /// </summary>
    public static void AssertOneAttemptPerVmimAndLimitsKept(GroundTruth truth, IReadOnlyList<AttemptRecord> attempts, int maxParallel, int maxOutbound)
    {
        var created = truth.Migrations.Select(m => m.Name).ToList();
        Assert.Equal(created.Count, created.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(attempts.Count, attempts.Select(a => a.VmimName).Distinct(StringComparer.Ordinal).Count());
        var recorded = attempts.Where(a => a.Outcome != AttemptOutcome.NotCreated).Select(a => a.VmimName).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(recorded.Order(StringComparer.Ordinal), created.Order(StringComparer.Ordinal));
        foreach (var m in truth.Migrations)
        {
            var a = attempts.Single(a => a.VmimName == m.Name);
            Assert.Equal(a.TargetNode, m.TargetNode);
            Assert.Equal(a.SourceNode, m.SourceNode);
        }

        Assert.Equal(0, truth.LimitViolations);
        Assert.InRange(truth.PeakInFlight, 0, maxParallel);
        Assert.All(truth.PeakInFlightPerSourceNode.Values, peak => Assert.InRange(peak, 0, maxOutbound));
    }
}
