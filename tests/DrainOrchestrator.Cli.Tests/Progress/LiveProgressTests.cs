using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.Progress;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal.Events;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace DrainOrchestrator.Cli.Tests.Progress;

/// <summary>The live progress display: per-node bars redrawn in place on a terminal, plain lines otherwise.</summary>
public sealed class LiveProgressTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DrainProgress Progress(params NodeProgress[] nodes) => new("migrate", false, nodes, 3, TimeSpan.FromSeconds(95));

    private static TestConsole Terminal(int height = 40)
    {
        var console = new TestConsole().Width(140).Height(height);
        console.EmitAnsiSequences = true;
        return console;
    }

    [Fact]
    public async Task Follow_OnATerminal_DrawsBarsAndRedrawsInPlaceUntilTheEnd()
    {
        var console = Terminal();
        var time = new FakeTimeProvider();

        var result = await ProgressDisplay.FollowAsync(ProgressMode.Auto, new ConsoleTerminal(console, IsInteractive: true), TextWriter.Null,
            "drain d1", time, async (progress, ct) =>
            {
                progress.Report(Progress(new NodeProgress("w1", 10, 3, 7, 2, 1, 1, 0, 0), new NodeProgress("w2", 10, 0, 10, 0, 0, 0, 0, 0)));
                time.Advance(ProgressDisplay.Redraw);
                await WaitForAsync(console, "3/10", ct);
                progress.Report(Progress(new NodeProgress("w1", 10, 10, 0, 0, 1, 0, 0, 0), new NodeProgress("w2", 10, 10, 0, 0, 0, 0, 0, 0)));
                return 42;
            }, CancellationToken.None);

        Assert.Equal(42, result);
        var output = console.Output;
        Assert.Contains("3/10 30%", output, StringComparison.Ordinal);
        Assert.Contains("10/10 100%", output, StringComparison.Ordinal);
        Assert.Contains("20/20 100%", output, StringComparison.Ordinal);
        Assert.Contains("ETA 1m35s", output, StringComparison.Ordinal);
        // Redrawn in place: the cursor goes back up over the previous drawing instead of printing it again below.
        Assert.Matches(@"\u001b\[\d+A", output);
    }

    [Fact]
    public void Render_TwoHundredNodesOnAShortScreen_FitsWithTheTotalsTheBusiestAndTheSlowest()
    {
        var console = new TestConsole().Width(140).Height(24);
        var nodes = Enumerable.Range(1, 200).Select(i => new NodeProgress($"node-{i:000}", 10, i % 10, 10 - i % 10, i == 77 ? 2 : 0, 0, 0, 0, 0)).ToArray();

        console.Write(LiveProgressRendering.Render("drain big", Progress(nodes), console.Profile.Height));

        var lines = console.Lines;
        Assert.True(lines.Count <= 24, $"the display should fit the 24-line screen, took {lines.Count}:\n{string.Join('\n', lines)}");
        Assert.Contains(lines, l => l.Contains("node-077", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("node-010", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("900/2000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("of 200 nodes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Follow_NotATerminalOrPlainAsked_PlainLinesAndNothingOnTheConsole()
    {
        foreach (var (mode, interactive) in new[] { (ProgressMode.Auto, false), (ProgressMode.Plain, true) })
        {
            var console = Terminal();
            using var output = new StringWriter();

            await ProgressDisplay.FollowAsync(mode, new ConsoleTerminal(console, interactive), output, "drain d1", new FakeTimeProvider(), (progress, _) =>
            {
                progress.Report(Progress(new NodeProgress("w1", 4, 1, 3, 1, 0, 0, 0, 0)));
                return Task.FromResult(0);
            }, CancellationToken.None);

            Assert.Equal("w1: moved 1/4, in flight 1, failed attempts 0 (retrying 0), given up 0  ETA 95s" + Environment.NewLine, output.ToString());
            Assert.Empty(console.Output);
        }
    }

    [Fact]
    public async Task Follow_LiveAskedWithoutAConsole_RefusedNamingTheOption()
    {
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => ProgressDisplay.FollowAsync(ProgressMode.Live, null, TextWriter.Null,
            "drain d1", new FakeTimeProvider(), (_, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Contains("--output live", refused.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TenantNodeName_ControlCharactersAndMarkupShownAsText()
    {
        var console = Terminal();

        console.Write(LiveProgressRendering.Render("drain [x]", Progress(new NodeProgress("evil[red]\u001b[2J", 2, 1, 1, 0, 0, 0, 0, 0)), 40));

        Assert.Contains("evil[red]", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", console.Output, StringComparison.Ordinal);
        Assert.Contains("drain [x]", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TheClustersCountKnownOrNot_ShownOnlyWhenKnown()
    {
        var (known, unknown) = (Terminal(), Terminal());
        var node = new NodeProgress("w1", 2, 1, 1, 1, 0, 0, 0, 0);

        known.Write(LiveProgressRendering.Render("drain d1", Progress(node), 40));
        // A drain followed from its journal (another process holds it) does not know the cluster's migrations.
        unknown.Write(LiveProgressRendering.Render("drain d1", Progress(node) with { ClusterInFlight = null }, 40));

        Assert.Contains("in the cluster 3 in flight", known.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("in the cluster", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("migrate", unknown.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(TestConsole console, string text, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        while (!console.Output.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
