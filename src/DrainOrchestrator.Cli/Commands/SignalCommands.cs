using System.CommandLine;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Persistence.Journal;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl pause|resume|cancel DRAIN</c>: signals recorded for the engine that owns the drain, journaled under the caller's name.</summary>
public static class SignalCommands
{
    /// <summary>Builds the three signal commands.</summary>
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        yield return Create("pause", DrainSignal.Pause, "Start no new migrations (those in flight finish).", output, error);
        yield return Create("resume", DrainSignal.Resume, "Start migrations again after a pause.", output, error);
        yield return Create("cancel", DrainSignal.Cancel, "Abort in-flight migrations, uncordon per policy, finish as cancelled.", output, error);
    }

    private static Command Create(string name, DrainSignal signal, string description, TextWriter output, TextWriter error)
    {
        var drain = new Argument<string>("DRAIN") { Description = "The drain's name or id." };
        var doors = new FrontDoorOptions();
        var command = new Command(name, description) { drain };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var result = await door.SignalAsync(parse.GetValue(drain)!, signal, ct);
            await (result.Accepted ? output : error).WriteLineAsync($"{result.Drain.Name}: {result.Message}");
            return result.Accepted ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }
}
