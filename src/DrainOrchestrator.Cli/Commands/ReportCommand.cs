using System.CommandLine;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl report DRAIN | --workflow INSTANCE | --from DATE --to DATE [--cluster X] --format table|html|json|csv
/// [--time-zone ZONE]</c>: a drain's, a workflow instance's or a period's waves and every migration in them.
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var drain = new Argument<string?>("DRAIN") { Description = "The drain's name or id.", Arity = ArgumentArity.ZeroOrOne };
        var workflow = new Option<string?>("--workflow") { Description = "Report a workflow instance (name or id) and every drain it started." };
        var from = new Option<string?>("--from") { Description = "Period report: waves finished from this date or time on (e.g. 2026-11-01; without an offset, in --time-zone)." };
        var to = new Option<string?>("--to") { Description = "Period report: waves finished before this date or time (e.g. 2026-12-01)." };
        var cluster = new Option<string?>("--cluster") { Description = "Period report: only drains of this cluster (its API server URL, as drains record it)." };
        var format = new Option<string>("--format") { Description = "table, html, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. ReportFormats.Words]);
        var zone = new Option<string?>("--time-zone") { Description = "Show times in this IANA time zone beside UTC, e.g. Europe/Berlin (default: UTC only)." };
        var doors = new FrontDoorOptions();
        var command = new Command("report", "The waves and every migration (source, target, wave, attempt, times, mode, outcome, failure) of a drain, a workflow instance or every wave completed in a period, and every VM a drain did not move, with the reason.")
        {
            drain, workflow, from, to, cluster, format, zone,
        };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var (subject, options) = new ReportRequest(parse.GetValue(drain), parse.GetValue(workflow), parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(cluster), parse.GetValue(format)!, parse.GetValue(zone)).Read(FrontDoor.CommandLine);
            await door.WriteReportAsync(subject, options, output, ct);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
