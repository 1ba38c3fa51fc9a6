using System.CommandLine;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl report DRAIN --format table|json|csv</c>: the drain's waves and every migration in them.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var drain = new Argument<string>("DRAIN") { Description = "The drain's name or id." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var doors = new FrontDoorOptions();
        var command = new Command("report", "The drain's waves and every migration (source, target, wave, attempt, times, mode, outcome, failure), and every VM it did not move, with the reason.")
        {
            drain, format,
        };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            await output.WriteAsync(await door.ReportAsync(parse.GetValue(drain)!, parse.GetValue(format)!, ct));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
