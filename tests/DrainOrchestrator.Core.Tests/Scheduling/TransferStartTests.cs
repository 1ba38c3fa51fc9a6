using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// When a source's next migration is due depends on when its transfer in flight began: the cluster's stamp of it once
/// there is one (unless it is an earlier migration's, from before the intent); before that, the engine's intent plus its
/// usual reaction and a start-up. Dating a running transfer by the intent alone put its end too early after a slow create
/// (a first connection, a busy engine), and the source's next start came too soon. Once the engine's own create returned
/// (<see cref="MigrationAttempt.CreatedAt"/>, its clock), a start-up after it dates the transfer when that is later, and
/// within the stamp's truncated second that time refines the stamp.
/// </summary>
public sealed class TransferStartTests
{
    private const long Nic = 1_250_000_000; // 10 Gbit/s

    // 16 GiB on 10 Gbit/s: about 13.7 s of transfer; the default start-up is 10 s, so the next start is due when the
    // transfer has about 10 s left, at its start plus 3.7 s. The decision runs 13 s in, after every stamp.
    private static readonly double Transfer = 16.0 * Make.GiB / Nic;

    [Theory]
    [InlineData(null, 0.0, null, 10.0)] // the intent plus a start-up
    [InlineData(12.0, 0.0, null, 12.0)] // its transfer stamped by the cluster
    [InlineData(null, 2.0, null, 12.0)] // the intent plus the engine's reaction and a start-up
    [InlineData(-30.0, 0.0, null, 10.0)] // stamped long before the intent: an earlier migration's, so as without a stamp
    [InlineData(null, 0.0, 1.5, 11.5)] // a create that took 1.5 s (a commit stalled on the disk): a start-up after it
    [InlineData(null, 1.0, 1.5, 11.5)] // a create slower than the engine's usual reaction: a start-up after it
    [InlineData(null, 1.0, 0.5, 11.0)] // faster than usual: the usual reaction, which the next start is timed by too
    [InlineData(12.0, 0.0, 2.4, 12.4)] // a start-up after the create falls within the stamp's second: it refines the stamp
    [InlineData(12.0, 0.0, 0.5, 12.0)] // before the stamp (a start-up assumed too short): the stamp
    [InlineData(12.0, 0.0, 3.5, 12.0)] // past the stamp's second (a start-up assumed too long): the stamp
    [InlineData(-30.0, 0.0, 1.0, 11.0)] // an earlier migration's stamp: a start-up after the create
    public void Decide_ATransferInFlight_IsDatedByWhatIsKnownOfItsStart(double? startedAfter, double reaction, double? createdAfter, double transferStartsAfter)
    {
        var nodes = new[] { Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic) };
        var state = State(Make.Cluster(nodes, [Make.Vmi("first", "n1", 16, dirtyRate: 0), Make.Vmi("second", "n1", 16, dirtyRate: 0)]), ["n1"]);
        var first = state.Plan.Items.Single(i => i.Vmi.Name == "first").Vmi;
        var attempt = new MigrationAttempt(first.Uid, 1, AttemptKind.Migration, "vmim-first", "n1", "n2", false, AttemptStatus.InFlight, T0)
        {
            TransferStartedAt = startedAfter is { } s ? T0.AddSeconds(s) : null,
            CreatedAt = createdAfter is { } c ? T0.AddSeconds(c) : null,
        };

        var decision = DrainScheduler.Decide(state with { Attempts = [attempt], ReactionLead = TimeSpan.FromSeconds(reaction) }, T0.AddSeconds(13));

        Assert.Empty(decision.Actions);
        var due = T0.AddSeconds(transferStartsAfter + Transfer) - TimeSpan.FromSeconds(10 + reaction);
        Assert.NotNull(decision.WakeAt);
        Assert.InRange((decision.WakeAt!.Value - due).TotalSeconds, -0.01, 0.01);
    }
}
