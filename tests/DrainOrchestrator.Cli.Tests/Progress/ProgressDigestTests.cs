using DrainOrchestrator.Cli.Progress;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Cli.Tests.Progress;

/// <summary>Which nodes a progress display shows when they do not all fit.</summary>
public sealed class ProgressDigestTests
{
    private static NodeProgress Node(string name, int moved, int inFlight, int total = 10) =>
        new(name, total, moved, total - moved, inFlight, 0, 0, 0, 0);

    [Fact]
    public void Of_NodesFit_EveryNodeInOrderWithTheirSum()
    {
        var digest = ProgressDigest.Of([Node("b", 3, 1), Node("a", 5, 2)], rows: 5);

        Assert.Equal(["b", "a"], digest.All.Select(n => n.Node));
        Assert.Empty(digest.Busiest);
        Assert.Equal(0, digest.Hidden);
        Assert.Equal(new NodeProgress("all", 20, 8, 12, 3, 0, 0, 0, 0), digest.Totals);
    }

    [Fact]
    public void Of_TooManyNodes_BusiestByInFlightAndSlowestByShareMoved_NoneTwice()
    {
        NodeProgress[] nodes =
        [
            Node("done", 10, 0), Node("quiet", 9, 0), Node("busy-1", 2, 3), Node("busy-2", 6, 2), Node("behind", 0, 0, total: 20),
            Node("behind-less", 1, 0), Node("mid", 5, 1),
        ];

        var digest = ProgressDigest.Of(nodes, rows: 5);

        Assert.Empty(digest.All);
        Assert.Equal(["busy-1", "busy-2"], digest.Busiest.Select(n => n.Node));
        Assert.Equal(["behind", "behind-less"], digest.Slowest.Select(n => n.Node));
        Assert.Equal(3, digest.Hidden);
        Assert.Equal(nodes.Sum(n => n.Moved), digest.Totals.Moved);
    }

    [Fact]
    public void Of_NothingInFlight_NoBusiest_TheRowsGoToTheSlowestWithVmsLeft()
    {
        var digest = ProgressDigest.Of([Node("a", 9, 0), Node("b", 1, 0), Node("c", 4, 0), Node("d", 10, 0)], rows: 3);

        Assert.Empty(digest.Busiest);
        Assert.Equal(["b", "c"], digest.Slowest.Select(n => n.Node));
        Assert.Equal(2, digest.Hidden);
    }
}
