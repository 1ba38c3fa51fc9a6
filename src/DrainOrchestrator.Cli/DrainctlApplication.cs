using System.CommandLine;
using DrainOrchestrator.Application.Text;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Cli.Progress;

namespace DrainOrchestrator.Cli;

/// <summary>Builds the drainctl command tree and runs it.</summary>
public static class DrainctlApplication
{
    /// <summary>
    /// Runs drainctl with the given arguments; returns the process exit code. <paramref name="terminal"/> is the console
    /// that stdout is, where live progress is drawn; without it progress is printed as plain lines.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, ConsoleTerminal? terminal = null)
    {
        // Every printer writes names and reasons that tenants set: none of their control characters reaches the terminal.
        output = new TerminalWriter(output);
        error = new TerminalWriter(error);
        var root = CreateRoot(output, error, terminal);

        // SIGTERM cancels the command; serve needs longer than the default 2 s to let running drains release their leases.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(40) };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Malformed input is bad input (exit 2), and nothing was started.
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}");
            }

            return ExitCodes.BadInput;
        }

        if (DrainctlClock.Problems.Count > 0)
        {
            foreach (var problem in DrainctlClock.Problems)
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            return ExitCodes.BadInput;
        }

        return await parsed.InvokeAsync(configuration);
    }

    /// <summary>The command tree, writing to <paramref name="output"/> and <paramref name="error"/> as given.</summary>
    internal static RootCommand CreateRoot(TextWriter output, TextWriter error, ConsoleTerminal? terminal = null)
    {
        var root = new RootCommand("drainctl: drain KubeVirt nodes by live-migrating their VMs, with a durable record of every move.");
        root.Subcommands.Add(DbCommand.Create(output, error));
        root.Subcommands.Add(DrainCommand.Create(output, error, terminal));
        root.Subcommands.Add(MoveBackCommand.Create(output, error, terminal));
        root.Subcommands.Add(EvacuateCommand.Create(output, error));
        root.Subcommands.Add(PlanCommand.Create(output, error));
        root.Subcommands.Add(SnapshotCommand.Create(output, error));
        root.Subcommands.Add(RehearseCommand.Create(output, error));
        root.Subcommands.Add(StatusCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(AuditCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));
        root.Subcommands.Add(TokenCommand.Create(output, error));
        root.Subcommands.Add(WorkflowCommand.Create(output, error, terminal));
        root.Subcommands.Add(ScheduleCommand.Create(output, error));
        foreach (var signal in SignalCommands.Create(output, error))
        {
            root.Subcommands.Add(signal);
        }

        return root;
    }
}
