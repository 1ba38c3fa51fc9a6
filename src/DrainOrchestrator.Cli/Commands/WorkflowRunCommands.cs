using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Cli.Progress;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl workflow run|list|show|approve|pause|resume|cancel</c>: workflow instances, run in this process (embedded)
/// or by a server (<c>--server</c>, which runs them as jobs of any replica; run and resume then follow the instance).
/// </summary>
internal static class WorkflowRunCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error, ConsoleTerminal? terminal = null)
    {
        yield return Run(output, error, terminal);
        yield return List(output, error);
        yield return Show(output, error);
        yield return WorkflowJournalCommand.Create(output, error);
        yield return Approve(output, error);
        yield return Resume(output, error, terminal);
        foreach (var (name, to, what) in new[]
        {
            ("pause", "paused", "Hold the instance at its next step, and pause every unfinished drain it started (a drain it adopted stays its owner's)."),
            ("cancel", "cancelled", "End the instance, and cancel every unfinished drain it started (a drain it adopted stays its owner's)."),
        })
        {
            yield return Signal(name, to, what, output, error);
        }
    }

    private static Command Run(TextWriter output, TextWriter error, ConsoleTerminal? terminal)
    {
        var file = new Argument<string>("FILE") { Description = "The workflow definition (YAML)." };
        var parameters = new Option<string[]>("--param") { Description = "NAME=VALUE for a parameter; repeat for several.", AllowMultipleArgumentsPerToken = false };
        var name = new Option<string?>("--name") { Description = "The instance's name (default: workflow-date-time-id)." };
        var doors = new FrontDoorOptions();
        var progress = ProgressModeOption.Create();
        var command = new Command("run", "Start an instance of the workflow and run it to its end (here, or by --server), printing each step.") { file, parameters, name, progress };
        doors.AddTo(command, withCluster: true);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var arguments = Arguments(parse.GetValue(parameters));
            var source = await WorkflowSource.ReadAsync(parse.GetValue(file)!, ct);
            var started = await door.StartWorkflowAsync(source, arguments, parse.GetValue(name), ct);
            await output.WriteLineAsync($"Started workflow {started.Name} ({started.Workflow} version {started.Version}, content {started.ContentHash[..12]}).");
            var finished = await FollowAsync(door, started, ProgressModeOption.Parse(parse.GetValue(progress)), terminal, output, ct);
            await WriteAsync(output, finished);
            return finished.State == "succeeded" ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken, refusedLine: "Nothing was started."));
        return command;
    }

    // Resume sets the instance running again and, when no other process runs it (it was interrupted, or this is where it
    // should go on), runs it here to its end.
    private static Command Resume(TextWriter output, TextWriter error, ConsoleTerminal? terminal)
    {
        var instance = new Argument<string>("INSTANCE") { Description = "The instance's name or id." };
        var doors = new FrontDoorOptions();
        var progress = ProgressModeOption.Create();
        var command = new Command("resume", "Go on after a pause (retrying a failed step); runs the instance here unless another process does (with --server, the server runs it).") { instance, progress };
        doors.AddTo(command, withCluster: true);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var current = await door.GetWorkflowAsync(parse.GetValue(instance)!, ct);
            if (current.State is "succeeded" or "failed" or "cancelled")
            {
                await error.WriteLineAsync($"{current.Name}: already ended ({current.State})");
                return ExitCodes.Failed;
            }

            await door.SignalWorkflowAsync(current.Name, "running", ct);
            await output.WriteLineAsync($"{current.Name}: resumed");
            var after = await FollowAsync(door, current, ProgressModeOption.Parse(parse.GetValue(progress)), terminal, output, ct);
            await WriteAsync(output, after);
            return after.State switch { "succeeded" => ExitCodes.Success, "failed" or "cancelled" => ExitCodes.Failed, _ => ExitCodes.Unfinished };
        }, cancellationToken));
        return command;
    }

    // Follows the instance, showing the progress of each drain step it runs and what it waits for.
    private static Task<WorkflowView> FollowAsync(IWorkflowFrontDoor door, WorkflowView instance, ProgressMode mode, ConsoleTerminal? terminal,
        TextWriter output, CancellationToken cancellationToken) =>
        ProgressDisplay.FollowAsync(mode, terminal, output, $"workflow {instance.Name}", DrainctlClock.Current,
            (progress, notices, ct) => door.FollowWorkflowAsync(instance, progress,
                new WaitNotices(instance.Name, notices), ct), cancellationToken);

    // Tells each wait as it is reported (synchronously: a Progress<T> would post it, possibly after the run's end).
    private sealed class WaitNotices(string name, IProgress<string?> notices) : IProgress<WorkflowWait?>
    {
        public void Report(WorkflowWait? value) => notices.Report(WaitNotice(name, value));
    }

    /// <summary>What an operator following <paramref name="name"/> is told it now waits for, and the command that ends the wait.</summary>
    internal static string? WaitNotice(string name, WorkflowWait? wait) => wait switch
    {
        null => null,
        { State: "paused" } => $"workflow {name} is paused ({wait.Reason}); resume it with: drainctl workflow resume '{name}'",
        { State: "suspended" } => $"workflow {name} is suspended ({wait.Reason}); its schedule's next window resumes it",
        // Keys hold brackets (batches[0]/go), which a shell would expand: quoted.
        { ApprovalStep: { } step } => $"workflow {name} waits for {wait.Reason}; approve it with: drainctl workflow approve '{name}' '{step}'",
        _ => $"workflow {name} waits for {wait.Reason}",
    };

    private static Command List(TextWriter output, TextWriter error)
    {
        var all = new Option<bool>("--all") { Description = "Also finished instances." };
        var doors = new FrontDoorOptions();
        var command = new Command("list", "Workflow instances, newest first (unfinished ones unless --all).") { all };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var instances = await door.ListWorkflowsAsync(!parse.GetValue(all), ct);
            if (instances.Count == 0)
            {
                await output.WriteLineAsync(parse.GetValue(all) ? "No workflow instances." : "No unfinished workflow instances (--all lists the finished ones too).");
            }

            foreach (var w in instances)
            {
                var waiting = Waiting(w);
                await output.WriteLineAsync($"{w.Name}  {w.State}  {w.Workflow} v{w.Version}  created {w.CreatedAt:u}" + (waiting is null ? string.Empty : "  " + waiting));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var instance = new Argument<string>("INSTANCE") { Description = "The instance's name or id." };
        var doors = new FrontDoorOptions();
        var command = new Command("show", "One instance with every step run.") { instance };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            await WriteAsync(output, await door.GetWorkflowAsync(parse.GetValue(instance)!, ct));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Approve(TextWriter output, TextWriter error)
    {
        var instance = new Argument<string>("INSTANCE") { Description = "The instance's name or id." };
        var step = new Argument<string>("STEP") { Description = "The approval step waiting: its key (service[0]/work-done) or id." };
        var doors = new FrontDoorOptions();
        var command = new Command("approve", "Approve a waiting approval step; recorded with your name.") { instance, step };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            await output.WriteLineAsync(await door.ApproveAsync(parse.GetValue(instance)!, parse.GetValue(step)!, ct));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Signal(string name, string to, string description, TextWriter output, TextWriter error)
    {
        var instance = new Argument<string>("INSTANCE") { Description = "The instance's name or id." };
        var doors = new FrontDoorOptions();
        var command = new Command(name, description) { instance };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var outcome = await door.SignalWorkflowAsync(parse.GetValue(instance)!, to, ct);
            var done = outcome.Accepted;
            // The application's message names the drains the signal reached (and those it left to their owners).
            await (done ? output : error).WriteLineAsync(string.IsNullOrWhiteSpace(outcome.Message)
                ? $"{parse.GetValue(instance)}: {(done ? to : "already ended")}" : outcome.Message);
            return done ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }

    private static async Task WriteAsync(TextWriter output, WorkflowView w)
    {
        await output.WriteLineAsync($"{w.Name}  {w.State}  {w.Workflow} v{w.Version}  content {w.ContentHash[..12]}  cluster {w.Cluster}"
            + (w.OutcomeReason is null ? string.Empty : $"\n  {w.OutcomeReason}")
            + (Waiting(w) is { } waiting ? "\n  " + waiting : string.Empty));
        foreach (var s in w.Steps)
        {
            var took = s.FinishedAt is { } f ? (f - s.StartedAt).TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s" : "-";
            await output.WriteLineAsync($"  {s.Key,-32} {s.Kind,-13} {s.State,-10} {took,6}  {s.Detail}");
        }
    }

    // What an unfinished instance waits for (an approval, a window); for a paused or resumed one, who did it. An ended
    // instance waits for nothing: its outcome says why it ended.
    private static string? Waiting(WorkflowView w) => w.WaitingFor is null || w.State is "succeeded" or "failed" or "cancelled" ? null
        : w.State is "waiting" or "suspended" or "pending" ? $"waiting for {w.WaitingFor}"
        : $"({w.WaitingFor})";

    /// <summary>The --param NAME=VALUE pairs; each name once (a list takes commas). Throws with the first problem.</summary>
    internal static Dictionary<string, string> Arguments(string[]? pairs)
    {
        var problems = new List<string>();
        var arguments = Arguments(pairs, problems);
        return problems.Count > 0 ? throw new ArgumentException(problems[0]) : arguments;
    }

    /// <summary>The --param pairs that are well formed; every problem with the others (malformed, named twice) in <paramref name="problems"/>.</summary>
    internal static Dictionary<string, string> Arguments(string[]? pairs, List<string> problems)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"--param must be NAME=VALUE, was '{pair}'");
            }
            else if (!arguments.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                problems.Add($"--param {pair[..equals]} is given twice; give each parameter once (a list is comma-separated: --param {pair[..equals]}=a,b)");
            }
        }

        return arguments;
    }
}
