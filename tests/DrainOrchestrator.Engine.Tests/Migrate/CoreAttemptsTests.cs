using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Migrate;

/// <summary>
/// The scheduler's attempts carry when this process's own create of each VMIM returned, which the records do not hold:
/// the scheduler dates a transfer not yet stamped from it (a create that took long after its intent must not make the
/// source's next migration start early).
/// </summary>
public sealed class CoreAttemptsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_AfterItsCreate_TheAttemptCarriesTheCreateTime()
    {
        var attempts = new CoreAttempts();
        var record = Record("vmim-a");
        var before = Assert.Single(attempts.Map([record]));

        attempts.Created("vmim-a", T0.AddSeconds(1.5));
        var after = Assert.Single(attempts.Map([record]));

        Assert.Null(before.CreatedAt);
        Assert.Equal(T0.AddSeconds(1.5), after.CreatedAt);
        Assert.Equal(T0, after.StartedAt);
        Assert.Same(after, Assert.Single(attempts.Map([record])));
    }

    [Fact]
    public void Map_ARecordReplaced_KeepsTheCreateTimeOfItsVmim()
    {
        var attempts = new CoreAttempts();
        var intended = Record("vmim-a");
        attempts.Created("vmim-a", T0.AddSeconds(0.4));
        var first = Assert.Single(attempts.Map([intended]));

        var running = Assert.Single(attempts.Map([intended with { Outcome = AttemptOutcome.Running, StartedAt = T0.AddSeconds(4) }]));

        Assert.NotSame(first, running);
        Assert.Equal(T0.AddSeconds(0.4), running.CreatedAt);
        Assert.Equal(T0.AddSeconds(4), running.TransferStartedAt);
    }

    [Fact]
    public void Map_ManyCreatesNoLongerListed_ForgetsThemAndKeepsTheListedOnes()
    {
        var attempts = new CoreAttempts();
        for (var i = 0; i < 100; i++)
        {
            attempts.Created($"old-{i}", T0);
        }

        attempts.Created("vmim-a", T0.AddSeconds(2));
        attempts.Map([Record("vmim-a")]);
        attempts.Created("old-0", T0.AddSeconds(9));

        var listed = attempts.Map([Record("vmim-a"), Record("old-0"), Record("old-1")]);

        Assert.Equal([T0.AddSeconds(2), T0.AddSeconds(9), null], listed.Select(a => a.CreatedAt));
    }

    private static AttemptRecord Record(string vmimName) => new(1, Guid.Empty, 1, 1, "ns", "vm-" + vmimName, "uid-" + vmimName,
        "worker-1", "worker-2", vmimName, null, null, AttemptOutcome.Intended, null, null, null, null, "{}", false, T0, null, null, null);
}
