using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Progress;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl drain --kubeconfig FILE --node N [--node N...] [policy options] [--db CONN]</c>: runs a drain to its end
/// with live progress; run again after a crash, it attaches to the unfinished drain of the same nodes and completes it.
/// Exit 0 when the drain succeeded, 1 when it did not, 2 on bad input (nothing started), 130 when interrupted.
/// </summary>
public static class DrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new DrainOptions();
        var database = CommonOptions.Database();
        var verbose = CommonOptions.Verbose();
        var command = new Command("drain", "Drain nodes by live-migrating every VM elsewhere; attaches to an unfinished drain of the same nodes.");
        options.AddTo(command);
        command.Options.Add(database);
        command.Options.Add(verbose);
        command.SetAction((parse, cancellationToken) => DatabaseAction.RunAsync(
            parse.GetValue(database), migrate: true, parse.GetValue(verbose), error,
            async (opened, ct) =>
            {
                using var loggerFactory = CliLogging.Create(parse.GetValue(verbose));
                var (session, code) = await ClusterSession.OpenAsync(parse.GetValue(options.Kubeconfig)!, parse.GetValue(options.Context),
                    loggerFactory, error, ct);
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
                            options.Policy(parse), "drainctl/" + Environment.UserName), ct);
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
                    var runner = new DrainRunner(opened.DataSource, session.View, actions, options.Engine(parse), TimeProvider.System,
                        loggerFactory.CreateLogger<DrainRunner>());
                    var result = await runner.RunAsync(drain.Id, new ProgressPrinter(output), ct);
                    await output.WriteLineAsync($"Drain {drain.Name}: {result.State}: {result.Reason}");
                    await output.WriteLineAsync($"Report: drainctl report {drain.Name}");
                    return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
                }
            },
            cancellationToken));
        return command;
    }

    private sealed class ProgressPrinter(TextWriter output) : IProgress<DrainProgress>
    {
        private string _last = string.Empty;

        public void Report(DrainProgress value)
        {
            var line = string.Join("  ", value.Nodes.Select(n =>
                $"{n.Node}: moved {n.Moved}/{n.Total - n.Skipped} in flight {n.InFlight} failed {n.Failed}"
                + (n.Skipped > 0 ? $" skipped {n.Skipped}" : string.Empty)))
                + (value.Paused ? "  [paused]" : string.Empty)
                + (value.EstimatedRemaining is { } eta ? $"  ETA {eta.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s" : string.Empty);
            if (line != _last)
            {
                _last = line;
                output.WriteLine(line);
            }
        }
    }
}
