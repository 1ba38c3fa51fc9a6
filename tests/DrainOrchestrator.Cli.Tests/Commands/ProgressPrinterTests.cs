using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>The live progress line of <c>drainctl drain</c>.</summary>
public sealed class ProgressPrinterTests
{
    private static DrainProgress Progress(bool paused = false, TimeSpan? eta = null, params NodeProgress[] nodes) =>
        new("migrate", paused, nodes, 0, eta);

    [Fact]
    public void Line_FailedAttemptsRetriedAndGivenUp_ToldApart()
    {
        var line = ProgressPrinter.Line(Progress(nodes:
        [
            new NodeProgress("w1", Total: 10, Moved: 4, Remaining: 5, InFlight: 2, FailedAttempts: 3, Retrying: 1, GivenUp: 1, Skipped: 0),
            new NodeProgress("w2", Total: 6, Moved: 2, Remaining: 3, InFlight: 1, FailedAttempts: 0, Retrying: 0, GivenUp: 0, Skipped: 1),
        ]));

        Assert.Equal("w1: moved 4/10, in flight 2, failed attempts 3 (retrying 1), given up 1"
            + "  w2: moved 2/5, in flight 1, failed attempts 0 (retrying 0), given up 0, skipped 1", line);
    }

    [Fact]
    public void Line_PausedWithEstimate_Suffixed()
    {
        var line = ProgressPrinter.Line(Progress(paused: true, eta: TimeSpan.FromSeconds(74.6),
            nodes: new NodeProgress("w1", 2, 1, 1, 0, 1, 1, 0, 0)));

        Assert.Equal("w1: moved 1/2, in flight 0, failed attempts 1 (retrying 1), given up 0  [paused]  ETA 75s", line);
    }

    [Fact]
    public void Report_SameCountsTwice_PrintedOnceThenTheChange()
    {
        using var output = new StringWriter();
        var printer = new ProgressPrinter(output);
        var retrying = Progress(nodes: new NodeProgress("w1", 2, 0, 2, 0, 1, 1, 0, 0));

        printer.Report(retrying);
        printer.Report(retrying);
        printer.Report(Progress(nodes: new NodeProgress("w1", 2, 0, 1, 0, 3, 0, 1, 0)));

        Assert.Equal(
            [
                "w1: moved 0/2, in flight 0, failed attempts 1 (retrying 1), given up 0",
                "w1: moved 0/2, in flight 0, failed attempts 3 (retrying 0), given up 1",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
