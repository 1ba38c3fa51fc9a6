using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Rehearsals;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl rehearse --scenario FILE --nodes a,b [policy options] [--window START/END | --window-minutes N] [--speed N]
/// [--compare-kubevirt] [--output table|json]</c>: the drain rehearsed on a snapshot in a private drain-sim with a private
/// PostgreSQL; touches no real cluster and needs no database.
/// </summary>
public static class RehearseCommand
{
    private const double MaxTimeoutMinutes = 7 * 24 * 60;

    /// <summary>What <c>drainctl rehearse --help</c> says, with the exit codes.</summary>
    public const string Description = """
        Rehearse a drain on a snapshot (drainctl snapshot) in a private drain-sim, with the real engine in cluster time:
        predicted makespan, stalls, post-copy, VMs that cannot move, the window, and KubeVirt alone. Touches no real cluster.
        Exit codes: 0 the rehearsed drain succeeded (and fits the window, when given); 1 it did not, or the rehearsal failed;
        2 bad input; 130 stopped by Ctrl-C.
        """;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenario = new Option<string>("--scenario") { Description = "The snapshot to rehearse on (drainctl snapshot --out FILE).", Required = true };
        var nodes = new Option<string>("--nodes") { Description = "The nodes to drain, comma-separated.", Required = true };
        var policy = new PolicyOptions();
        var window = new RehearsalWindowOptions();
        var speed = new Option<double>("--speed")
        {
            Description = $"Cluster seconds per wall-clock second, for drain-sim and the engine (1 to {RehearsalRequest.MaxSpeed}).",
            DefaultValueFactory = _ => 50,
        };
        var compare = new Option<bool>("--compare-kubevirt") { Description = "Also drain the nodes with KubeVirt's evacuation controller alone, on a fresh drain-sim." };
        var kubevirtTimeout = new Option<double>("--kubevirt-timeout-minutes")
        {
            Description = "How long (cluster time) KubeVirt alone may take before the comparison stops waiting.",
            DefaultValueFactory = _ => 120,
        };
        var simulator = new Option<string?>("--simulator") { Description = $"drain-sim.dll to run (default: ${SimulatorProgram.Variable}, else next to drainctl)." };
        var format = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var verbose = CommonOptions.Verbose();
        var command = new Command("rehearse", Description);
        command.Options.Add(scenario);
        command.Options.Add(nodes);
        policy.AddTo(command);
        window.AddTo(command);
        foreach (var option in new Option[] { speed, compare, kubevirtTimeout, simulator, format, verbose })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var drain = policy.Read(parse, out var policyProblems);
                var problems = policyProblems.ToList();
                var length = window.Read(parse, problems);
                var timeoutMinutes = parse.GetValue(kubevirtTimeout);
                if (!double.IsFinite(timeoutMinutes) || timeoutMinutes <= 0 || timeoutMinutes > MaxTimeoutMinutes)
                {
                    problems.Add(new("kubevirtTimeout", $"--kubevirt-timeout-minutes must be more than 0 and at most a week ({MaxTimeoutMinutes}), was {timeoutMinutes.ToString(CultureInfo.InvariantCulture)}"));
                    timeoutMinutes = MaxTimeoutMinutes;
                }

                var request = new RehearsalRequest(parse.GetValue(scenario)!,
                    new DrainSpec([.. parse.GetValue(nodes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], drain),
                    parse.GetValue(speed))
                {
                    Window = length,
                    CompareKubeVirt = parse.GetValue(compare),
                    KubeVirtTimeout = TimeSpan.FromMinutes(timeoutMinutes),
                    SimulatorDll = parse.GetValue(simulator),
                };
                problems.AddRange(RehearsalApplication.Problems(request, FrontDoor.CommandLine));
                if (problems.Count > 0)
                {
                    throw new InvalidRequestException(problems);
                }

                using var loggerFactory = CliLogging.Create(parse.GetValue(verbose));
                // Its own clocks, whatever DRAIN_CLOCK_* says: the private simulator's model time is the only cluster time here.
                var rehearsals = new RehearsalApplication(TimeProvider.System, loggerFactory);
                var result = await rehearsals.RunAsync(request, FrontDoor.CommandLine, cancellationToken);
                await (parse.GetValue(format) == "json" ? RehearsalPrinter.JsonAsync(result, output, cancellationToken) : RehearsalPrinter.TableAsync(result, output));
                return result.State == "succeeded" && result.Window is not { Fits: false } ? ExitCodes.Success : ExitCodes.Failed;
            }
            catch (Exception ex) when (RehearsalFailure.Describe(ex) is { } failure)
            {
                await error.WriteLineAsync($"error: {failure.Message}");
                return failure.IsBadInput ? ExitCodes.BadInput : ExitCodes.Failed;
            }
            catch (Exception ex) when (CliFailure.Of(ex) is { } failure)
            {
                return await failure.WriteAsync(error);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("interrupted: the private drain-sim and PostgreSQL were stopped and their files deleted");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }
}
