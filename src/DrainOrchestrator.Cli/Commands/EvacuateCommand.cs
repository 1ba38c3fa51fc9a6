using System.CommandLine;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl evacuate</c>: moves VMs from one namespace to another namespace of the same cluster, or of another cluster
/// (<c>--target-context</c>/<c>--target-kubeconfig</c>), by KubeVirt's decentralized live migration, durably; run again,
/// it resumes the unfinished evacuation of the source namespace. <c>drainctl evacuate report ID</c> prints its JSON report;
/// <c>drainctl evacuate cancel ID</c> cancels it.
/// Embedded only for now (no <c>--server</c>).
/// </summary>
public static class EvacuateCommand
{
    /// <summary>What <c>drainctl evacuate --help</c> says, with its exit codes.</summary>
    public const string Description = """
        Move running VMs from --namespace to --to-namespace by decentralized live migration (KubeVirt's DecentralizedLiveMigration
        gate): in one cluster, or into the cluster of --target-context/--target-kubeconfig. Preflight checks both sides first
        (gate, target namespace, storage class, capacity, MAC collisions) and creates nothing when anything is wrong. Run again, it
        resumes the unfinished evacuation of the source namespace; `drainctl evacuate cancel ID` stops it. Exit codes: 0 every VM
        moved; 1 some VM could not be moved (it keeps running in the source) or the evacuation was cancelled; 2 bad input or
        preflight refused, nothing created; 130 Ctrl-C.
        """;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var doors = new FrontDoorOptions();
        var engine = new DrainOptions();
        var sourceNamespace = new Option<string>("--namespace", "-n") { Description = "The namespace the VMs leave.", Required = true };
        var targetNamespace = new Option<string>("--to-namespace") { Description = "The namespace the VMs go to (it must exist).", Required = true };
        var vms = new Option<string[]>("--vm") { Description = "A VM to move; repeat for several (or --selector).", AllowMultipleArgumentsPerToken = false };
        var selector = new Option<string?>("--selector", "-l") { Description = "A label selector of the VMs to move (or --vm)." };
        var targetContext = new Option<string?>("--target-context") { Description = "The kubeconfig context of the target cluster (default: the source cluster)." };
        var targetKubeconfig = new Option<string?>("--target-kubeconfig") { Description = "The kubeconfig of the target cluster (default: the source's kubeconfig)." };
        var keep = new Option<bool>("--keep-receivers-on-failure") { Description = "Keep a failed attempt's receiver VM and DataVolumes (the next attempt adopts them) instead of deleting them." };
        var attempts = new Option<int>("--attempts")
        {
            Description = "How many migrationIDs each VM gets before it is given up.",
            DefaultValueFactory = _ => Engine.Evacuate.EvacuationOptions.DefaultMaxAttempts,
        };
        var storageClass = new Option<string?>("--storage-class") { Description = "The storage class of the blank DataVolumes (default: each source disk's own)." };
        var report = new Option<string?>("--report") { Description = "Write the JSON report to this file at the end." };
        var command = new Command("evacuate", Description);
        foreach (var option in new Option[] { sourceNamespace, targetNamespace, vms, selector, targetContext, targetKubeconfig, keep, attempts, storageClass, report })
        {
            command.Options.Add(option);
        }

        engine.AddEngineTo(command);
        doors.AddTo(command, withCluster: true);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var evacuations = Embedded(door).Evacuations;
            var source = doors.Cluster(parse);
            var target = parse.GetValue(targetContext) is null && parse.GetValue(targetKubeconfig) is null
                ? null
                : new ClusterTarget(parse.GetValue(targetKubeconfig) ?? source.Kubeconfig, parse.GetValue(targetContext), source.LeaseNamespace,
                    source.AllowInsecure);
            var spec = new EvacuationSpec(parse.GetValue(sourceNamespace)!, parse.GetValue(targetNamespace)!, parse.GetValue(vms) ?? [],
                parse.GetValue(selector), source, target)
            {
                MaxAttempts = parse.GetValue(attempts),
                KeepReceiversOnFailure = parse.GetValue(keep),
                StorageClass = parse.GetValue(storageClass),
            };
            // A report that cannot be written is refused before anything moves, not found out after the VMs did.
            if (parse.GetValue(report) is { } reportFile && OutputFolder.Problem(reportFile, "--report") is { } folderProblem)
            {
                throw new InvalidRequestException([new RequestProblem("report", folderProblem)]);
            }

            var started = await evacuations.StartAsync(spec, new Caller(Environment.UserName, "drainctl"), FrontDoor.CommandLine, ct);
            var e = started.Evacuation;
            await output.WriteLineAsync($"{(started.Attached ? "Attached to unfinished" : "Started")} evacuation {e.Id}: {e.Vms.Count} VM(s) "
                + $"from {e.SourceNamespace} on {e.SourceCluster} to {e.TargetNamespace} on {e.TargetCluster}.");
            // Each VM is printed as it ends (every VM once per run, those ended before this run first).
            var done = await evacuations.RunAsync(e.Id, source, target, engine.Engine(parse), new LineProgress(vm => output.WriteLine(Line(vm))), ct);
            await output.WriteLineAsync(EndLine(done.Id, done.State, done.Error));
            if (parse.GetValue(report) is { } file)
            {
                try
                {
                    await using var writer = File.CreateText(file);
                    await evacuations.WriteReportAsync(done.Id, writer, ct);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"error: the evacuation is {done.State}, but its report could not be written to {file}: {ex.Message}; "
                        + $"'drainctl evacuate report {done.Id} > FILE' writes it again");
                    return ExitCodes.Failed;
                }
            }

            return done.State == "succeeded" ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken, refusedLine: "Nothing was created."));

        command.Subcommands.Add(ListSubcommand(output, error));
        command.Subcommands.Add(ReportSubcommand(output, error));
        command.Subcommands.Add(CancelSubcommand(output, error));
        return command;
    }

    private static Command ListSubcommand(TextWriter output, TextWriter error)
    {
        var doors = new FrontDoorOptions();
        var command = new Command("list", "List the evacuations, newest first: id (what report and cancel take), state, namespaces, VMs moved.");
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var all = await Embedded(door).Evacuations.ListAsync(ct);
            if (all.Count == 0)
            {
                await output.WriteLineAsync("No evacuations.");
            }

            foreach (var e in all)
            {
                await output.WriteLineAsync(ListLine(e));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>One evacuation in <c>evacuate list</c>: id, state, from and to, VMs moved of all, who started it and when.</summary>
    internal static string ListLine(EvacuationView e) =>
        $"{e.Id}  {e.State}  {e.SourceNamespace}@{e.SourceCluster} -> {e.TargetNamespace}@{e.TargetCluster}  "
        + $"{e.Vms.Count(v => v.Outcome == "succeeded")}/{e.Vms.Count} VM(s) moved  by {e.CreatedBy}  created {e.CreatedAt:u}";

    private static Command CancelSubcommand(TextWriter output, TextWriter error)
    {
        var doors = new FrontDoorOptions();
        var id = new Argument<Guid>("evacuation") { Description = "The evacuation's id (drainctl evacuate list shows them)." };
        var command = new Command("cancel", "Cancel an evacuation: VMs not started stay where they are, moves not yet handed off are aborted "
            + "(both VMIMs deleted), moves past the hand-off finish; it ends cancelled. Exit codes: 0 cancelling; 1 it had ended.");
        command.Arguments.Add(id);
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var outcome = await Embedded(door).Evacuations.CancelAsync(parse.GetValue(id), new Caller(Environment.UserName, "drainctl"), ct);
            await (outcome.Accepted ? output : error).WriteLineAsync($"Evacuation {outcome.Evacuation.Id}: {outcome.Message}.");
            return outcome.Accepted ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }

    private static Command ReportSubcommand(TextWriter output, TextWriter error)
    {
        var doors = new FrontDoorOptions();
        var id = new Argument<Guid>("evacuation") { Description = "The evacuation's id (drainctl evacuate list shows them)." };
        var command = new Command("report", "Print an evacuation's JSON report: source and target namespace and cluster per VM, outcome, attempts, journal.");
        command.Arguments.Add(id);
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            await Embedded(door).Evacuations.WriteReportAsync(parse.GetValue(id), output, ct);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Line(EvacuationVmView vm) =>
        $"{vm.Name}: {vm.SourceNamespace}@{vm.SourceCluster} -> {vm.TargetNamespace}@{vm.TargetCluster}"
        + $"{(vm.TargetNode is null ? string.Empty : " on " + vm.TargetNode)}: {vm.Outcome}, {vm.Attempts} attempt(s)"
        + (vm.Outcome is "failed" or "cancelled" && vm.Failure is not null ? $" ({vm.Failure})" : string.Empty);

    private static EmbeddedFrontDoor Embedded(IDrainFrontDoor door) => door as EmbeddedFrontDoor
        ?? throw new InvalidRequestException("drainctl evacuate runs in this process only for now: leave out --server and $DRAIN_SERVER");

    private sealed class LineProgress(Action<EvacuationVmView> report) : IProgress<EvacuationVmView>
    {
        public void Report(EvacuationVmView value) => report(value);
    }

    /// <summary>
    /// The evacuation's last line: its state, then what its error adds (a cancelled one's summary begins with
    /// "cancelled", which is not said twice).
    /// </summary>
    internal static string EndLine(Guid id, string state, string? error)
    {
        var detail = error is not null && error.StartsWith(state + ": ", StringComparison.Ordinal) ? error[(state.Length + 2)..] : error;
        return $"Evacuation {id} {state}{(detail is null ? "." : ": " + detail)}";
    }
}
