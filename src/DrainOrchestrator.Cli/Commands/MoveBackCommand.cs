using System.CommandLine;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Cli.Progress;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl moveback DRAIN</c>: returns each VM the drain live-migrated to its original node when that node is back
/// and has room, as a drain-like run under the drain's policy (limits, budgets), with live progress (embedded), or
/// started on a server and followed (<c>--server</c>). Run again, it attaches to the drain's unfinished move-back.
/// Exit codes as <c>drainctl drain</c>'s.
/// </summary>
public static class MoveBackCommand
{
    /// <summary>What <c>drainctl moveback --help</c> says the command does, with its exit codes.</summary>
    public const string Description = """
        Return each VM a drain moved to its original node, when that node is back (Ready, uncordoned, admitting it) and
        has room; a VM whose node did not return, that was moved since or no longer exists is reported and left in place.
        Attaches to the drain's unfinished move-back. Exit codes: 0 every VM that could return is back; 1 it failed or was
        cancelled; 2 bad input, nothing started; 3 unfinished and resumable: run the same command again; 130 Ctrl-C.
        """;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error, ConsoleTerminal? terminal = null)
    {
        var options = new DrainOptions();
        var doors = new FrontDoorOptions();
        var drainArgument = new Argument<string>("drain") { Description = "The drain (id or name) whose VMs return to their original nodes." };
        var command = new Command("moveback", Description);
        command.Arguments.Add(drainArgument);
        options.AddEngineTo(command);
        var windowEnd = new WindowEndOption("the move-back");
        windowEnd.AddTo(command);
        var progress = ProgressModeOption.Create();
        command.Options.Add(progress);
        doors.AddTo(command, withCluster: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var engine = options.Engine(parse);
            return CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
            {
                engine.Validate();
                var window = windowEnd.Read(parse, door);
                var (moveBack, attached) = await door.MoveBackAsync(parse.GetValue(drainArgument)!, ct);
                await output.WriteLineAsync($"{(attached ? "Attached to unfinished" : "Started")} move-back {moveBack.Name} ({moveBack.Id}) "
                    + $"of drain {parse.GetValue(drainArgument)}, from {string.Join(", ", moveBack.Nodes.Select(n => n.Node))}.");
                var result = await ProgressDisplay.FollowAsync(ProgressModeOption.Parse(parse.GetValue(progress)), terminal, output,
                    $"move-back {moveBack.Name}", DrainctlClock.Current, (sink, follow) => door.FollowAsync(moveBack, engine, window, sink, follow), ct);
                foreach (var line in DrainOutcome.Lines(moveBack.Name, result))
                {
                    await output.WriteLineAsync(line);
                }

                return DrainOutcome.ExitCode(result);
            }, cancellationToken, refusedLine: "Nothing was started.");
        });
        return command;
    }
}
