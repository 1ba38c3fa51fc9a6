using DrainOrchestrator.Cli.Progress;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Cli.Tests.Progress;

/// <summary>The plain progress lines of <c>drainctl drain</c>, for logs and scripts.</summary>
public sealed class PlainProgressPrinterTests
{
    private static DrainProgress Progress(bool paused = false, TimeSpan? eta = null, params NodeProgress[] nodes) =>
        new("migrate", paused, nodes, 0, eta);

    [Fact]
    public void Line_OneNode_ToldInFullWithFailedAttemptsRetriedAndGivenUpApart()
    {
        var line = PlainProgressPrinter.Line(Progress(nodes:
            new NodeProgress("w1", Total: 10, Moved: 4, Remaining: 5, InFlight: 2, FailedAttempts: 3, Retrying: 1, GivenUp: 1, Skipped: 0)));

        Assert.Equal("w1: moved 4/10, in flight 2, failed attempts 3 (retrying 1), given up 1", line);
    }

    [Fact]
    public void Line_PausedWithEstimate_Suffixed()
    {
        var line = PlainProgressPrinter.Line(Progress(paused: true, eta: TimeSpan.FromSeconds(74.6),
            nodes: new NodeProgress("w1", 2, 1, 1, 0, 1, 1, 0, 0)));

        Assert.Equal("w1: moved 1/2, in flight 0, failed attempts 1 (retrying 1), given up 0  [paused]  ETA 75s", line);
    }

    [Fact]
    public void Line_FewNodes_TotalsThenEachNodeInShort()
    {
        var line = PlainProgressPrinter.Line(Progress(nodes:
        [
            new NodeProgress("w1", Total: 10, Moved: 4, Remaining: 5, InFlight: 2, FailedAttempts: 3, Retrying: 1, GivenUp: 1, Skipped: 0),
            new NodeProgress("w2", Total: 6, Moved: 2, Remaining: 3, InFlight: 0, FailedAttempts: 0, Retrying: 0, GivenUp: 0, Skipped: 1),
        ]));

        Assert.Equal("all: moved 6/15, in flight 2, failed attempts 3 (retrying 1), given up 1, skipped 1"
            + "  |  w1 4/10 (2 in flight, 3 failed, 1 given up), w2 2/5 (1 skipped)", line);
    }

    [Fact]
    public void Line_FortyNodes_TotalsWithTheBusiestAndSlowestOnly()
    {
        var nodes = Enumerable.Range(1, 40).Select(i => new NodeProgress($"node-{i:00}", 10, Moved: i % 10, Remaining: 10 - i % 10,
            InFlight: i == 17 ? 2 : 0, 0, 0, 0, 0)).ToArray();

        var line = PlainProgressPrinter.Line(Progress(nodes: nodes));

        Assert.StartsWith("all: moved 180/400, in flight 2,", line, StringComparison.Ordinal);
        Assert.Contains("busiest node-17 7/10 (2 in flight)", line, StringComparison.Ordinal);
        Assert.Contains("slowest node-10 0/10", line, StringComparison.Ordinal);
        Assert.Contains("slowest node-10 0/10, node-20 0/10, node-30 0/10, node-40 0/10, node-01 1/10, node-11 1/10  |", line, StringComparison.Ordinal);
        Assert.EndsWith("|  33 more nodes", line, StringComparison.Ordinal);
        Assert.True(line.Length < 400, $"a 40-node line should stay short, was {line.Length} characters: {line}");
    }

    [Fact]
    public void Report_SameCountsTwiceOrOnlyANewEstimate_PrintedOnceThenTheChange()
    {
        using var output = new StringWriter();
        var printer = new PlainProgressPrinter(output);
        var retrying = Progress(eta: TimeSpan.FromSeconds(30), nodes: new NodeProgress("w1", 2, 0, 2, 0, 1, 1, 0, 0));

        printer.Report(retrying);
        printer.Report(retrying);
        printer.Report(retrying with { EstimatedRemaining = TimeSpan.FromSeconds(29) });
        printer.Report(Progress(nodes: new NodeProgress("w1", 2, 0, 1, 0, 3, 0, 1, 0)));

        Assert.Equal(
            [
                "w1: moved 0/2, in flight 0, failed attempts 1 (retrying 1), given up 0  ETA 30s",
                "w1: moved 0/2, in flight 0, failed attempts 3 (retrying 0), given up 1",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
