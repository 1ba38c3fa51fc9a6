using System.CommandLine;
using DrainOrchestrator.Persistence.Journal;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl pause|resume|cancel DRAIN</c>: signals stored in the database for the engine that owns the drain.</summary>
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
        var database = CommonOptions.Database();
        var verbose = CommonOptions.Verbose();
        var command = new Command(name, description) { drain, database, verbose };
        command.SetAction((parse, cancellationToken) => DatabaseAction.RunAsync(
            parse.GetValue(database), migrate: true, parse.GetValue(verbose), error,
            async (opened, ct) =>
            {
                var record = await DrainLookup.FindOrReportAsync(opened, parse.GetValue(drain)!, error, ct);
                if (record is null)
                {
                    return ExitCodes.BadInput;
                }

                var signals = new SignalStore(opened.DataSource, new DrainStateStore(opened.DataSource, TimeProvider.System),
                    new JournalStore(opened.DataSource, TimeProvider.System));
                var result = await signals.SendAsync(record.Id, signal, "drainctl/" + Environment.UserName, ct);
                await (result.Accepted ? output : error).WriteLineAsync($"{record.Name}: {result.Message}");
                return result.Accepted ? ExitCodes.Success : ExitCodes.Failed;
            },
            cancellationToken));
        return command;
    }
}
