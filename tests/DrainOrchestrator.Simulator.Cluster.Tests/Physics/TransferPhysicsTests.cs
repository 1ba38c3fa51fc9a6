namespace DrainOrchestrator.Simulator.Cluster.Tests.Physics;

/// <summary>
/// The exact step: each slice integrates the continuous model the bench's lower bound assumes, so a transfer reaches
/// the same state at the same moment whatever the step, and converges at the first step at or after that moment.
/// </summary>
public sealed class TransferPhysicsTests
{
    private const double MiB = 1024 * 1024;
    private const double Rate = 10e9 / 8;
    private const double Downtime = 0.3;
    private const double Memory = 4096 * MiB;
    private const double WorkingSet = 512 * MiB;

    private static readonly EffectiveMigrationConfiguration Config = new(
        0, TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(150), false, false, false, TimeSpan.FromSeconds(Downtime));

    public static TheoryData<double> Steps() => [0.001, 0.01, 0.1, 0.37, 1.0, 2.5];

    [Theory]
    [MemberData(nameof(Steps))]
    public void Integrate_GuestAloneAtItsCeiling_ConvergesAtTheContinuousMoment(double step)
    {
        // First pass done, the dirty pages at the working set: they drain at R − D until they fit the downtime.
        const double dirtyRate = 300 * MiB;
        var continuous = (WorkingSet - (Rate * Downtime)) / (Rate - dirtyRate);

        AssertConvergesAt(AtCeiling, dirtyRate, step, continuous);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Integrate_WholeTransferReachingTheCeilingInTheFirstPass_ConvergesAtTheBoundsMoment(double step)
    {
        // The bound's t = M/R + max(0, min(D·M/R, W) − R·downtime) / (R − D); here D·M/R (about 1.7 GiB) exceeds W.
        const double dirtyRate = 500 * MiB;
        var continuous = (Memory / Rate) + ((Math.Min(dirtyRate * Memory / Rate, WorkingSet) - (Rate * Downtime)) / (Rate - dirtyRate));

        AssertConvergesAt(Fresh, dirtyRate, step, continuous);
    }

    [Fact]
    public void Integrate_OneSliceFromTheCeiling_DrainsAtRMinusD()
    {
        // The old step added the slice's dirtied pages, clamped them to the working set, then sent R·h: W − R·h.
        const double dirtyRate = 300 * MiB;
        var transfer = AtCeiling();

        TransferPhysics.Integrate(transfer, dirtyRate, 0.1, At(0.1));

        Assert.Equal(WorkingSet - ((Rate - dirtyRate) * 0.1), transfer.Dirty, 1e-3);
        Assert.Equal(Memory + (Rate * 0.1), transfer.Processed, 1e-3);
    }

    [Fact]
    public void Integrate_DirtyRateAboveTheRate_StaysAtTheWorkingSetAndSendsTheRate()
    {
        const double dirtyRate = 2 * Rate;
        var transfer = Fresh();

        TransferPhysics.Integrate(transfer, dirtyRate, 10, At(10));

        Assert.Equal(0, transfer.FirstPass);
        Assert.Equal(WorkingSet, transfer.Dirty, 1e-3);
        Assert.Equal(Rate * 10, transfer.Processed, 1e-3);
        Assert.False(TransferPhysics.CanConverge(transfer));
    }

    [Fact]
    public void Integrate_DirtyPagesAllSent_ThenResendsWhatTheGuestWrites()
    {
        // 100 MiB dirty drain at R − D in 100 MiB / (R − D) seconds; afterwards each written page is sent at once.
        const double dirtyRate = 10 * MiB;
        var transfer = AtCeiling();
        transfer.Dirty = 100 * MiB;
        var empty = 100 * MiB / (Rate - dirtyRate);

        TransferPhysics.Integrate(transfer, dirtyRate, 1, At(1));

        Assert.Equal(0, transfer.Dirty);
        Assert.Equal(Memory + (Rate * empty) + (dirtyRate * (1 - empty)), transfer.Processed, 1e-3);
    }

    /// <summary>
    /// Integrates in slices of <paramref name="step"/>: the transfer must converge at the first slice end at or after
    /// <paramref name="continuous"/> (not before it), and, cut at exactly that moment, hold exactly the downtime's worth.
    /// </summary>
    private static void AssertConvergesAt(Func<Transfer> create, double dirtyRate, double step, double continuous)
    {
        var stepped = create();
        var now = 0.0;
        while (!TransferPhysics.CanConverge(stepped))
        {
            Assert.True(now < continuous + step + 1, $"step {step}: no convergence by {now} s (continuous {continuous} s)");
            now += step;
            TransferPhysics.Integrate(stepped, dirtyRate, step, At(now));
        }

        Assert.InRange(now, continuous - 1e-9, continuous + step + 1e-9);

        var cut = create();
        var reached = 0.0;
        while (reached < continuous)
        {
            var slice = Math.Min(step, continuous - reached);
            reached += slice;
            TransferPhysics.Integrate(cut, dirtyRate, slice, At(reached));
        }

        Assert.Equal(0, cut.FirstPass);
        Assert.Equal(Rate * Downtime, cut.Dirty, Rate * 1e-9);
        Assert.Equal(create().Processed + (Rate * continuous), cut.Processed, Rate * 1e-9);
    }

    private static DateTimeOffset At(double seconds) => DateTimeOffset.UnixEpoch.AddSeconds(seconds);

    private static Transfer Fresh() => Transfer(firstPass: Memory, dirty: 0, processed: 0);

    private static Transfer AtCeiling() => Transfer(firstPass: 0, dirty: WorkingSet, processed: Memory);

    private static Transfer Transfer(double firstPass, double dirty, double processed)
    {
        var job = TestJobs.Of("guest", (long)Memory);
        return new Transfer
        {
            Job = job,
            Source = new NodeState("a") { NicBandwidth = (long)Rate },
            Target = new NodeState("b") { NicBandwidth = (long)Rate },
            Config = Config,
            StartedAt = DateTimeOffset.UnixEpoch,
            Budget = TimeSpan.FromMinutes(10),
            MemoryBytes = Memory,
            WorkingSetBytes = WorkingSet,
            FirstPass = firstPass,
            Dirty = dirty,
            Processed = processed,
            Rate = Rate,
        };
    }
}
