using System.CommandLine;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Cli.Progress;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl drain --node N [--node N...] [policy options]</c>: runs a drain to its end with live progress (embedded),
/// or starts it on a server and follows it (<c>--server</c>); run again after a crash, it attaches to the unfinished
/// drain of the same nodes. Exits 0 when the drain succeeded, 1 when it failed or was cancelled, 2 on bad input
/// (nothing started), 3 when this run stopped before the drain ended (resumable), 130 on Ctrl-C.
/// </summary>
public static class DrainCommand
{
    /// <summary>What <c>drainctl drain --help</c> says the command does, with its exit codes.</summary>
    public const string Description = """
        Drain nodes by live-migrating every VM elsewhere; attaches to an unfinished drain of the same nodes.
        Exit codes: 0 the drain succeeded; 1 it failed or was cancelled; 2 bad input, nothing started;
        3 unfinished and resumable (the cluster, the database or the server could not be reached, the database stayed
        unreachable longer than --db-outage-timeout-seconds, or the infrastructure failed; another drainctl holding the
        drain is followed, not a reason to stop): run the same command again; 130 stopped by Ctrl-C (also resumed by the same command;
        with --server the drain goes on on the server).
        """;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error, ConsoleTerminal? terminal = null)
    {
        var options = new DrainOptions();
        var doors = new FrontDoorOptions();
        var windowEnd = new WindowEndOption("the drain");
        var command = new Command("drain", Description);
        options.AddTo(command, withEngine: true);
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
                var (drain, attached) = await door.StartAsync(options.Spec(parse), ct);
                await output.WriteLineAsync($"{(attached ? "Attached to unfinished" : "Started")} drain {drain.Name} ({drain.Id}) of {string.Join(", ", drain.Nodes.Select(n => n.Node))}.");
                var result = await ProgressDisplay.FollowAsync(ProgressModeOption.Parse(parse.GetValue(progress)), terminal, output, $"drain {drain.Name}",
                    DrainctlClock.Current, (sink, follow) => door.FollowAsync(drain, engine, window, sink, follow), ct);
                foreach (var line in DrainOutcome.Lines(drain.Name, result))
                {
                    await output.WriteLineAsync(line);
                }

                return DrainOutcome.ExitCode(result);
            }, cancellationToken, refusedLine: "Nothing was started.");
        });
        return command;
    }
}
