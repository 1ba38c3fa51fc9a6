using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Cli.Progress;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace DrainOrchestrator.Cli.Tests.Progress;

/// <summary>
/// What a followed workflow waits for reaches the operator: a line of its own in plain output (with the command that ends
/// the wait), after the title in the live display.
/// </summary>
public sealed class WaitNoticeTests
{
    [Fact]
    public async Task Follow_PlainOutput_EachNoticeALineAndAClearedOnePrintsNothing()
    {
        using var output = new StringWriter();

        await ProgressDisplay.FollowAsync(ProgressMode.Plain, null, output, "workflow w", TimeProvider.System, (_, notices, _) =>
        {
            notices.Report("workflow w waits for soak until 2026-12-07 10:00:00Z");
            notices.Report(null);
            notices.Report("workflow w is paused (paused by alice)");
            return Task.FromResult(0);
        }, CancellationToken.None);

        Assert.Equal(["workflow w waits for soak until 2026-12-07 10:00:00Z", "workflow w is paused (paused by alice)"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Follow_LiveDisplay_TheNoticeFollowsTheTitle()
    {
        var console = new TestConsole().Width(160).Height(40);
        var time = new FakeTimeProvider();

        await ProgressDisplay.FollowAsync(ProgressMode.Live, new ConsoleTerminal(console, IsInteractive: true), TextWriter.Null, "workflow w", time,
            (_, notices, _) =>
            {
                notices.Report("waits for approval of step go: ok?");
                return Task.FromResult(0);
            }, CancellationToken.None);

        Assert.Contains("workflow w · waits for approval of step go: ok?", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitNotice_EachKindOfWait_NamesTheCommandThatEndsIt()
    {
        Assert.Null(WorkflowRunCommands.WaitNotice("w", null));
        Assert.Equal("workflow w waits for approval of step b[0]/go: ok?; approve it with: drainctl workflow approve 'w' 'b[0]/go'",
            WorkflowRunCommands.WaitNotice("w", new WorkflowWait("waiting", "approval of step b[0]/go: ok?", "b[0]/go")));
        Assert.Equal("workflow w is paused (step hook failed); resume it with: drainctl workflow resume 'w'",
            WorkflowRunCommands.WaitNotice("w", new WorkflowWait("paused", "step hook failed", null)));
        Assert.Equal("workflow w is suspended (its window ended); its schedule's next window resumes it",
            WorkflowRunCommands.WaitNotice("w", new WorkflowWait("suspended", "its window ended", null)));
        Assert.Equal("workflow w waits for soak until 2026-12-07 10:00:00Z",
            WorkflowRunCommands.WaitNotice("w", new WorkflowWait("waiting", "soak until 2026-12-07 10:00:00Z", null)));
    }

    [Fact]
    public void Of_AView_TheApprovalRunningOnlyWhileWaiting()
    {
        WorkflowView View(string state, string? waitingFor) => new(Guid.NewGuid(), "w", "wf", 1, "abc", "c", state, waitingFor, null,
            DateTimeOffset.UnixEpoch, null, null, null,
            [new WorkflowStepView("go", "Approval", "running", DateTimeOffset.UnixEpoch, null, "{}"),
             new WorkflowStepView("cordon", "Cordon", "succeeded", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "{}")]);

        Assert.Equal(new WorkflowWait("waiting", "approval of step go: ok?", "go"), WorkflowWait.Of(View("waiting", "approval of step go: ok?")));
        Assert.Equal(new WorkflowWait("paused", "paused by alice", null), WorkflowWait.Of(View("paused", "paused by alice")));
        Assert.Equal(new WorkflowWait("suspended", "step x failed", null), WorkflowWait.Of(View("suspended", "step x failed")));
        Assert.Null(WorkflowWait.Of(View("running", "resumed by alice")));
        Assert.Null(WorkflowWait.Of(View("waiting", null)));
    }
}
