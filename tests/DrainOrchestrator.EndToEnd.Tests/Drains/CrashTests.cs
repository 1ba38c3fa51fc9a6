using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// Crash safety: the engine (drainctl) killed with SIGKILL at random moments and started again, and two engines on
/// one database at once. Whatever happens, the drain completes, no VMIM is created twice for one attempt, every VMIM
/// the cluster saw has its record, and the limits hold.
/// </summary>
public sealed class CrashTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Trials = 10;
    private const double Speed = 2;

    [Fact]
    public async Task Drain_EngineKilledAtRandomMomentsTenTimes_CompletesWithoutDuplicatesOrLostRecords()
    {
        var seed = Environment.TickCount;
        log.WriteLine($"seed {seed}");
        var random = new Random(seed);
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", Speed);
        var kills = await RandomKills.RunAsync(() => Drainctl.Start(DrainArguments(sim)), Trials, random,
            TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(3000), log);

        var (code, output) = await Drainctl.RunAsync(DrainArguments(sim));

        Assert.True(code == 0, output);
        Assert.True(kills >= Trials, $"only {kills} kills before the drain finished; slow the scenario down");
        await AssertDrainedIntactAsync(sim, vmis: 25);
    }

    [Fact]
    public async Task Drain_TwoEnginesAtOnceOneKilled_OneActsAtATimeAndTheOtherCompletes()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", Speed * 2);

        await using var first = Drainctl.Start(DrainArguments(sim));
        await using var second = Drainctl.Start(DrainArguments(sim));
        var firstActing = first.WaitForOutputAsync("moved", Drainctl.Patience);
        var acting = await Task.WhenAny(firstActing, second.WaitForOutputAsync("moved", Drainctl.Patience));
        await acting;
        var (killed, survivor) = acting == firstActing ? (first, second) : (second, first);
        await killed.KillAsync();
        var code = await survivor.WaitForExitAsync(Drainctl.Patience);

        Assert.True(code == 0, $"killed:\n{killed.Output}\nsurvivor:\n{survivor.Output}");
        Assert.Contains("Attached to unfinished drain", first.Output + second.Output, StringComparison.Ordinal);
        await AssertDrainedIntactAsync(sim, vmis: 25);
    }

    [Fact]
    public async Task Drain_TwoEnginesAtOnce_BothReportTheSameCompletedDrain()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", Speed * 4);

        await using var first = Drainctl.Start(DrainArguments(sim));
        await using var second = Drainctl.Start(DrainArguments(sim));
        var codes = await Task.WhenAll(first.WaitForExitAsync(Drainctl.Patience), second.WaitForExitAsync(Drainctl.Patience));

        Assert.True(codes.All(c => c == 0), $"first:\n{first.Output}\nsecond:\n{second.Output}");
        await AssertDrainedIntactAsync(sim, vmis: 25);
    }

    private string[] DrainArguments(SimulatorProcess sim) =>
    [
        "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2", "--non-migratable", "skip",
        "--retry-backoff-seconds", "1", "--lease-seconds", "2", "--db", database.ConnectionString,
    ];

    private async Task AssertDrainedIntactAsync(SimulatorProcess sim, int vmis)
    {
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Assert.Equal(DrainState.Succeeded, drain.State);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        var truth = await sim.GroundTruthAsync();
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, attempts, maxParallel: 5, maxOutbound: 2);
        Assert.All(attempts, a => Assert.True(a.IsFinal, $"{a.VmimName} is still {a.Outcome}"));
        Assert.Equal(attempts.Count, await Journal.CountAsync(database.DataSource, drain.Id, "attempt.intended"));
        var epochs = await Journal.EpochsInOrderAsync(database.DataSource, drain.Id);
        Assert.Equal(epochs.Order(), epochs);
        var moved = attempts.Where(a => a.Outcome == AttemptOutcome.Succeeded).Select(a => a.VmiUid).ToList();
        Assert.Equal(moved.Count, moved.Distinct(StringComparer.Ordinal).Count());
        var placed = await sim.VmisAsync();
        Assert.Equal(vmis + 1, placed.Count);
        Assert.All(placed.Where(v => v.Key != "apps/legacy"), v => Assert.StartsWith("spare-", v.Value.Status!.NodeName, StringComparison.Ordinal));
        Assert.Equal(vmis, moved.Count);
    }
}
