using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl schedule create|list|delete|firings|tick</c>: stored schedules, on the database or through <c>--server</c>
/// (the workflow file is read here and its text sent). <c>tick</c> is for the database only: servers tick by themselves.
/// </summary>
internal static class ScheduleStoreCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        yield return CreateCommand(output, error);
        yield return List(output, error);
        yield return Delete(output, error);
        yield return Firings(output, error);
        yield return Tick(output, error);
    }

    private static Command CreateCommand(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The schedule's name." };
        var workflow = new Option<string>("--workflow") { Description = "The workflow file; its schedule section says when.", Required = true };
        var parameters = new Option<string[]>("--param") { Description = "NAME=VALUE for a parameter; repeat for several.", AllowMultipleArgumentsPerToken = false };
        var doors = new FrontDoorOptions();
        var command = new Command("create", "Store a schedule that starts the workflow at each of its windows.") { name, workflow, parameters };
        doors.AddTo(command, withCluster: true);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var arguments = WorkflowRunCommands.Arguments(parse.GetValue(parameters));
            var source = await WorkflowSource.ReadAsync(parse.GetValue(workflow)!, ct);
            var created = await door.CreateScheduleAsync(parse.GetValue(name)!, source, arguments, ct);
            await output.WriteLineAsync($"Schedule {created.Name}: workflow {created.Workflow} v{created.WorkflowVersion}, '{created.Cron}' in {created.TimeZone}, "
                + $"{DurationText.Format(TimeSpan.FromSeconds(created.DurationSeconds))} windows.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var doors = new FrontDoorOptions();
        var command = new Command("list", "Stored schedules with their next window.");
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var schedules = await door.ListSchedulesAsync(ct);
            if (schedules.Count == 0)
            {
                await output.WriteLineAsync("No schedules. 'drainctl schedule create NAME --workflow FILE.yaml' stores one.");
            }

            foreach (var s in schedules)
            {
                var next = s.Next is { } n
                    ? string.Create(CultureInfo.InvariantCulture, $"next {n.LocalStart:yyyy-MM-dd HH:mm:ss zzz} (UTC {n.Start:yyyy-MM-dd HH:mm:ss})")
                    : "no next window";
                await output.WriteLineAsync($"{s.Name}  {s.Workflow} v{s.WorkflowVersion}  '{s.Cron}' {s.TimeZone}  {next}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Delete(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The schedule's name." };
        var doors = new FrontDoorOptions();
        var command = new Command("delete", "Retire a schedule; its recorded occurrences stay.") { name };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            await door.DeleteScheduleAsync(parse.GetValue(name)!, ct);
            await output.WriteLineAsync($"Schedule {parse.GetValue(name)} deleted.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Firings(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The schedule's name." };
        var doors = new FrontDoorOptions();
        var command = new Command("firings", "Every recorded occurrence: fired (with its workflow instance) or skipped (with why).") { name };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var firings = await door.FiringsAsync(parse.GetValue(name)!, ct);
            if (firings.Count == 0)
            {
                await output.WriteLineAsync($"No occurrence of schedule {parse.GetValue(name)} is recorded yet ('drainctl schedule next' lists its windows).");
            }

            foreach (var f in firings)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{f.DueAt:yyyy-MM-dd HH:mm:ss}Z  {f.Outcome,-7}  {(f.InstanceId?.ToString("D") ?? f.Reason)}  by {f.RecordedBy}"));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // The schedule ticker that every server replica runs, here for a while: records due occurrences exactly once.
    private static Command Tick(TextWriter output, TextWriter error)
    {
        var duration = new Option<string>("--for") { Description = "How long to tick, e.g. 60s.", DefaultValueFactory = _ => "60s" };
        var doors = new FrontDoorOptions();
        var command = new Command("tick", "Fire due occurrences of every schedule for a while (what each server replica does by itself; not with --server); prints the instances created.") { duration };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            if (door is not EmbeddedFrontDoor embedded)
            {
                await error.WriteLineAsync("error: schedule tick runs only on a database (without --server): every server replica fires due occurrences by itself, "
                    + "every second, so there is nothing to tick through the API. Use 'drainctl schedule firings NAME --server URL' to see what fired.");
                return ExitCodes.BadInput;
            }

            var length = DurationText.Parse(parse.GetValue(duration)!) ?? throw new ArgumentException($"--for must be a duration such as 60s, was '{parse.GetValue(duration)}'");
            var schedules = embedded.Schedules;
            var holder = $"{Environment.MachineName}/{Environment.ProcessId}";
            var until = TimeProvider.System.GetUtcNow() + length;
            while (TimeProvider.System.GetUtcNow() < until)
            {
                foreach (var id in await schedules.FireDueAsync(holder, ct))
                {
                    await output.WriteLineAsync($"fired: workflow instance {id:D}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, ct);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

}
