using System.CommandLine;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Database;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl drain --kubeconfig FILE --node N [--node N...] [policy options] [--db CONN]</c>: runs a drain to its end
/// with live progress; run again after a crash, it attaches to the unfinished drain of the same nodes and completes it.
/// Exits 0 when the drain succeeded, 1 when it failed or was cancelled, 2 on bad input (nothing started), 3 when this
/// run stopped before the drain ended (resumable), 130 on Ctrl-C; <see cref="Description"/> says so in <c>--help</c>.
/// </summary>
public static class DrainCommand
{
    /// <summary>What <c>drainctl drain --help</c> says the command does, with its exit codes.</summary>
    public const string Description = """
        Drain nodes by live-migrating every VM elsewhere; attaches to an unfinished drain of the same nodes.
        Exit codes: 0 the drain succeeded; 1 it failed or was cancelled; 2 bad input, nothing started;
        3 unfinished and resumable (the database stayed unreachable longer than --db-outage-timeout-seconds, or another
        drainctl took the drain over): run the same command again; 130 stopped by Ctrl-C (also resumed by the same command).
        """;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new DrainOptions();
        var database = CommonOptions.Database();
        var verbose = CommonOptions.Verbose();
        var command = new Command("drain", Description);
        options.AddTo(command);
        command.Options.Add(database);
        command.Options.Add(verbose);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var engine = options.Engine(parse);
            var logging = parse.GetValue(verbose);
            return await RefusedAsync(engine, error) ?? await DatabaseAction.RunAsync(parse.GetValue(database), migrate: true, logging, error,
                (opened, ct) => RunAsync(parse, options, engine, logging, opened, output, error, ct), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, DrainOptions options, DrainEngineOptions engine, bool verbose,
        DrainDatabase opened, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggerFactory = CliLogging.Create(verbose);
        var (session, code) = await ClusterSession.OpenAsync(parse.GetValue(options.Kubeconfig)!, parse.GetValue(options.Context),
            loggerFactory, error, cancellationToken);
        if (session is null)
        {
            return code;
        }

        await using (session)
        {
            var launcher = new DrainLauncher(opened.DataSource, session.View, TimeProvider.System);
            Persistence.Drains.DrainRecord drain;
            bool attached;
            try
            {
                (drain, attached) = await launcher.LaunchAsync(new DrainRequest(session.Cluster, parse.GetValue(options.Nodes)!,
                    options.Policy(parse), "drainctl/" + Environment.UserName), cancellationToken);
            }
            catch (DrainRequestException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    await error.WriteLineAsync($"error: {PolicyWording.InOptionTerms(problem)}");
                }

                await error.WriteLineAsync("Nothing was started.");
                return ExitCodes.BadInput;
            }

            await output.WriteLineAsync($"{(attached ? "Attached to unfinished" : "Started")} drain {drain.Name} ({drain.Id}) of {string.Join(", ", drain.Nodes.Select(n => n.NodeName))}.");
            var actions = new KubernetesClusterActions(session.Client, TimeProvider.System, parse.GetValue(options.LeaseNamespace)!);
            var runner = new DrainRunner(opened.DataSource, session.View, actions, engine, TimeProvider.System,
                loggerFactory.CreateLogger<DrainRunner>());
            var result = await runner.RunAsync(drain.Id, new ProgressPrinter(output), cancellationToken);
            foreach (var line in DrainOutcome.Lines(drain.Name, result))
            {
                await output.WriteLineAsync(line);
            }

            return DrainOutcome.ExitCode(result);
        }
    }

    // The engine checks its options again when it runs, after the drain was launched; checked here, nothing starts.
    private static async Task<int?> RefusedAsync(DrainEngineOptions engine, TextWriter error)
    {
        try
        {
            engine.Validate();
            return null;
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {PolicyWording.InOptionTerms(ex.Message)}");
            await error.WriteLineAsync("Nothing was started.");
            return ExitCodes.BadInput;
        }
    }
}
