using DrainOrchestrator.Core.Scheduling;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>The uid prefilter may let others through but never turns a planned uid away.</summary>
public sealed class UidFilterTests
{
    [Fact]
    public void MayContain_EveryAddedUid_True()
    {
        var random = new Random(11);
        var uids = Enumerable.Range(0, 5000)
            .Select(i => i % 3 == 0 ? Uuid(random) : i % 3 == 1 ? "uid-" + i : new string('x', random.Next(0, 12)))
            .ToList();

        var filter = new UidFilter(uids);

        Assert.All(uids, uid => Assert.True(filter.MayContain(uid)));
    }

    [Fact]
    public void MayContain_RandomUuidsNotAdded_MostlyFalse()
    {
        var random = new Random(12);
        var filter = new UidFilter(Enumerable.Range(0, 10_000).Select(_ => Uuid(random)).ToList());

        var passed = Enumerable.Range(0, 10_000).Count(_ => filter.MayContain(Uuid(random)));

        Assert.True(passed < 2_000, $"{passed} of 10000 other uids passed");
    }

    [Fact]
    public void MayContain_EmptyFilter_False()
    {
        Assert.False(new UidFilter([]).MayContain("anything"));
    }

    private static string Uuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
