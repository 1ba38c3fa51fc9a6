using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl status [DRAIN]</c>: one drain with its nodes, or every unfinished drain.</summary>
public static class StatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var drain = new Argument<string?>("DRAIN") { Description = "The drain's name or id; all unfinished drains when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var doors = new FrontDoorOptions();
        var command = new Command("status", "Show where drains stand.") { drain };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var name = parse.GetValue(drain);
            var drains = name is null ? await door.ListUnfinishedAsync(ct) : [await door.GetAsync(name, ct)];
            if (drains.Count == 0)
            {
                await output.WriteLineAsync("No unfinished drains.");
            }

            foreach (var d in drains)
            {
                await WriteAsync(output, d);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task WriteAsync(TextWriter output, DrainView d)
    {
        // An interrupted drain shows what it was recorded as when no engine let go of it (e.g. cancelling: the cancel waits for one).
        var state = d.State.ToString().ToLowerInvariant()
            + (d.State == DrainStatus.Interrupted && d.RecordedState is not ("running" or "pending") ? $" ({d.RecordedState})" : string.Empty);
        await output.WriteLineAsync($"{d.Name}  {state}  id {d.Id}  cluster {d.Cluster}  created {d.CreatedAt:u}"
            + (d.OutcomeReason is null ? string.Empty : $"\n  {d.OutcomeReason}"));
        foreach (var n in d.Nodes)
        {
            await output.WriteLineAsync($"  {n.Node,-20} {n.State,-9} moved {n.Moved}/{n.Total?.ToString(CultureInfo.InvariantCulture) ?? "?"}"
                + $"  remaining {n.Remaining}  given up {n.GivenUp}  skipped {n.Skipped}"
                + (n.LastError is null ? string.Empty : $"  last error: {n.LastError}"));
        }

        if (d.ViewHold is { } hold)
        {
            await output.WriteLineAsync($"  holding: the cluster view has not followed the API server since {hold.Since:u}; nothing new starts until it does: {hold.Reason}");
        }

        // A drain that is not running holds nothing and wants nothing: its budget line would only read "0 of share 0".
        if (d.Budget is { } b && (d.State == DrainStatus.Running || b.Held > 0))
        {
            await output.WriteLineAsync($"  budget: holds {b.Held} of share {b.Share} (cluster limit {Known(b.ClusterLimit)}, foreign {Known(b.ForeignInFlight)})");
        }

        static string Known(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "not known yet";
    }
}
