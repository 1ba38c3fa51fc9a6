using System.CommandLine;
using DrainOrchestrator.Engine.Reports;

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
        var database = CommonOptions.Database();
        var verbose = CommonOptions.Verbose();
        var command = new Command("report", "The drain's waves and every migration (source, target, wave, attempt, times, mode, outcome, failure), and every VM it did not move, with the reason.")
        {
            drain, format, database, verbose,
        };
        command.SetAction((parse, cancellationToken) => DatabaseAction.RunAsync(
            parse.GetValue(database), migrate: true, parse.GetValue(verbose), error,
            async (opened, ct) =>
            {
                var record = await DrainLookup.FindOrReportAsync(opened, parse.GetValue(drain)!, error, ct);
                if (record is null)
                {
                    return ExitCodes.BadInput;
                }

                var report = await DrainReportReader.ReadAsync(opened.DataSource, record, ct);
                await ReportWriter.WriteAsync(output, parse.GetValue(format)!, report);
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
