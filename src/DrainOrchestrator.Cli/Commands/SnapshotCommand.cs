using System.CommandLine;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Snapshots;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Persistence.Secrets;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl snapshot --kubeconfig FILE --out FILE [--redact [--redact-key-file F]] [--nodes a,b]</c>: a live cluster as a
/// drain-sim scenario, read with GET and LIST only. Needs no database.
/// </summary>
public static class SnapshotCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else in-cluster)." };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context (default: its current context)." };
        var insecure = new Option<bool>("--allow-insecure-kubernetes") { Description = "Accept an http:// server or insecure-skip-tls-verify (warned about)." };
        var outFile = new Option<string>("--out") { Description = "Where to write the scenario YAML.", Required = true };
        var nodes = new Option<string?>("--nodes") { Description = "Only these nodes (comma-separated) and the VMs on them; default every node." };
        var redact = new Option<bool>("--redact") { Description = "Replace names with stable pseudonyms (HMAC-SHA256), so the snapshot can be shared." };
        var keyFile = new Option<string?>("--redact-key-file")
        {
            Description = "A file readable only by you holding the redaction key (at least 16 characters): the same key gives the same pseudonyms. Without it a random key is drawn and printed once.",
        };
        var verbose = CommonOptions.Verbose();
        var prometheus = new FrontDoors.PrometheusCliOptions();
        var command = new Command("snapshot", "Write a live cluster as a drain-sim scenario (GET and LIST requests only): nodes, VMs, placement rules, hints, migration settings and MigrationPolicies.");
        foreach (var option in new Option[] { kubeconfig, context, insecure, outFile, nodes, redact, keyFile, verbose })
        {
            command.Options.Add(option);
        }

        prometheus.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                // Where it goes is checked before the cluster is read (a snapshot of a large cluster takes a while).
                var path = parse.GetValue(outFile)!;
                if (OutputFolder.Problem(path, "--out") is { } folderProblem)
                {
                    await error.WriteLineAsync("error: " + folderProblem);
                    return ExitCodes.BadInput;
                }

                var key = parse.GetValue(keyFile) is { } file
                    ? PrivateFile.Problem(file, "--redact-key-file") is { } problem ? throw new ArgumentException(problem) : (await File.ReadAllTextAsync(file, cancellationToken)).Trim()
                    : null;
                var request = new SnapshotRequest(new ClusterTarget(parse.GetValue(kubeconfig), parse.GetValue(context), AllowInsecure: parse.GetValue(insecure))
                {
                    Prometheus = prometheus.Read(parse),
                },
                    parse.GetValue(nodes) is { } list ? [.. list.Split(',', StringSplitOptions.TrimEntries)] : [],
                    parse.GetValue(redact), key);
                using var loggerFactory = CliLogging.Create(parse.GetValue(verbose));
                var result = await new SnapshotApplication(DrainctlClock.Current, loggerFactory).TakeAsync(request, FrontDoor.CommandLine, cancellationToken);
                await File.WriteAllTextAsync(path, result.Yaml, cancellationToken);
                foreach (var warning in result.Warnings)
                {
                    await error.WriteLineAsync("warning: " + warning);
                }

                if (result.GeneratedKey is { } generated)
                {
                    await error.WriteLineAsync($"redaction key (shown once; keep it in a private file and pass it with --redact-key-file for the same pseudonyms next time): {generated}");
                }

                await output.WriteLineAsync($"Wrote {path}: {result.Nodes} node(s), {result.Vms} VM(s), {result.Warnings.Count} warning(s)");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {ex.Message} (--out {parse.GetValue(outFile)}, --redact-key-file {parse.GetValue(keyFile) ?? "not given"})");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (CliFailure.Of(ex) is { } failure)
            {
                return await failure.WriteAsync(error);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("interrupted");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }
}
