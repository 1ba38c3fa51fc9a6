using System.CommandLine;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl workflow journal INSTANCE [--with-drains]</c>: the instance's journal, one event a line (sequence, time,
/// kind, actor, payload); with --with-drains the journal of each drain it started follows that drain's start, indented.
/// </summary>
internal static class WorkflowJournalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var instance = new Argument<string>("INSTANCE") { Description = "The instance's name or id." };
        var withDrains = new Option<bool>("--with-drains") { Description = "Also the events of the drains it started, after each start." };
        var doors = new FrontDoorOptions();
        var command = new Command("journal", "The instance's journal: state changes, every step run, approvals, gates, hooks, notifications, drains.")
        {
            instance, withDrains,
        };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            foreach (var e in await door.WorkflowJournalAsync(parse.GetValue(instance)!, parse.GetValue(withDrains), ct))
            {
                await output.WriteLineAsync($"{(e.DrainId is null ? string.Empty : "    ")}{e.Seq,8}  {e.OccurredAt:u}  {e.Kind,-28} {e.Actor}  {e.PayloadJson}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
