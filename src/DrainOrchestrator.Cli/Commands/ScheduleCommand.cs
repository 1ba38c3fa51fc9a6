using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Workflows.Parsing;
using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl schedule next (--cron EXPR --time-zone ZONE [--duration D] [--exclude DATE...] | --workflow FILE) [--count N] [--after TIME]</c>:
/// the next maintenance windows, each in the schedule's local time and in UTC.
/// </summary>
public static class ScheduleCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("schedule", "Maintenance windows: cron with an IANA time zone and a duration.");
        command.Subcommands.Add(Next(output, error));
        foreach (var sub in ScheduleStoreCommands.Create(output, error))
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static Command Next(TextWriter output, TextWriter error)
    {
        var cron = new Option<string?>("--cron") { Description = "5 fields (minute hour day month weekday), or 6 with seconds first." };
        var zone = new Option<string?>("--time-zone") { Description = "An IANA time zone, e.g. Europe/Berlin." };
        var duration = new Option<string>("--duration") { Description = "The window's length, e.g. 4h.", DefaultValueFactory = _ => "1h" };
        var exclude = new Option<string[]>("--exclude") { Description = "A freeze day (2026-12-24) or range (2026-12-20..2027-01-03); repeat for several." };
        var workflow = new Option<string?>("--workflow") { Description = "Take the schedule of this workflow file instead." };
        var count = new Option<int>("--count") { Description = "How many windows.", DefaultValueFactory = _ => 5 };
        var after = new Option<string?>("--after") { Description = "List windows after this instant (ISO 8601, e.g. 2027-03-27T00:00:00Z; default: now)." };
        var command = new Command("next", "List the next windows, in the schedule's local time and in UTC.") { cron, zone, duration, exclude, workflow, count, after };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var problems = new List<string>();
            var from = TimeProvider.System.GetUtcNow();
            if (parse.GetValue(after) is { } text)
            {
                if (Instants.Parse(text, "--after", out var problem) is { } at)
                {
                    from = at;
                }
                else
                {
                    problems.Add(problem!);
                }
            }

            if (parse.GetValue(count) is < 1 or > 1000)
            {
                problems.Add($"--count must be between 1 and 1000, was {parse.GetValue(count)}");
            }

            ScheduleDefinition? schedule = null;
            if (parse.GetValue(workflow) is { } file)
            {
                var (definition, found) = await WorkflowFiles.ValidateAsync(file, null, cancellationToken);
                problems.AddRange(found.Select(p => p.ToString()));
                schedule = definition?.Schedule;
                if (definition is not null && schedule is null)
                {
                    problems.Add($"{file}: the workflow has no schedule");
                }
            }
            else
            {
                var length = DurationText.Parse(parse.GetValue(duration) ?? string.Empty);
                if (length is null)
                {
                    problems.Add($"--duration must be a duration such as 90s, 5m, 1h30m or 2d, was '{parse.GetValue(duration)}'");
                }

                try
                {
                    schedule = new ScheduleQuery(parse.GetValue(cron) ?? string.Empty, parse.GetValue(zone) ?? string.Empty, length ?? TimeSpan.FromHours(1),
                        parse.GetValue(exclude) ?? []).ToSchedule(FrontDoor.CommandLine);
                }
                catch (InvalidRequestException ex)
                {
                    problems.AddRange(ex.Problems.Select(p => p.Message));
                }
            }

            if (problems.Count > 0 || schedule is null)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync("error: " + problem);
                }

                return ExitCodes.BadInput;
            }

            var windows = schedule.Next(from, parse.GetValue(count));
            if (windows.Count == 0)
            {
                // A date that never comes (30 February), or every occurrence frozen: no window would ever open.
                await error.WriteLineAsync($"error: '{schedule.Cron}' opens no window after {from:u} in {schedule.TimeZone.Id} (a date that never "
                    + "comes, such as 30 February, or every occurrence in a freeze): check the expression and --exclude");
                return ExitCodes.BadInput;
            }

            await output.WriteLineAsync($"Next windows of '{schedule.Cron}' in {schedule.TimeZone.Id}, {DurationText.Format(schedule.Duration)} each:");
            foreach (var o in windows)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {o.LocalStart:yyyy-MM-dd HH:mm:ss zzz} to {o.LocalEnd:yyyy-MM-dd HH:mm:ss zzz}   UTC {o.Start:yyyy-MM-dd HH:mm:ss} to {o.End:yyyy-MM-dd HH:mm:ss}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
