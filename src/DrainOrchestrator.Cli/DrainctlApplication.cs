using System.CommandLine;
using DrainOrchestrator.Cli.Commands;

namespace DrainOrchestrator.Cli;

/// <summary>Builds the drainctl command tree and runs it.</summary>
public static class DrainctlApplication
{
    /// <summary>Runs drainctl with the given arguments; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("drainctl: drain KubeVirt nodes by live-migrating their VMs, with a durable record of every move.");
        root.Subcommands.Add(DbCommand.Create(output, error));
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration);
    }
}
