using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl status [DRAIN]</c>: one drain with its nodes, or every unfinished drain.</summary>
public static class StatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var drain = new Argument<string?>("DRAIN") { Description = "The drain's name or id; all unfinished drains when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var database = CommonOptions.Database();
        var verbose = CommonOptions.Verbose();
        var command = new Command("status", "Show where drains stand.") { drain, database, verbose };
        command.SetAction((parse, cancellationToken) => DatabaseAction.RunAsync(
            parse.GetValue(database), migrate: true, parse.GetValue(verbose), error,
            async (opened, ct) =>
            {
                var name = parse.GetValue(drain);
                IReadOnlyList<DrainRecord> drains;
                if (name is null)
                {
                    drains = await new DrainStore(opened.DataSource, TimeProvider.System).ListAsync(activeOnly: true, ct);
                }
                else
                {
                    var one = await DrainLookup.FindOrReportAsync(opened, name, error, ct);
                    if (one is null)
                    {
                        return ExitCodes.BadInput;
                    }

                    drains = [one];
                }

                if (drains.Count == 0)
                {
                    await output.WriteLineAsync("No unfinished drains.");
                }

                var budgets = new Dictionary<string, IReadOnlyList<DrainBudgetStatus>>(StringComparer.Ordinal);
                foreach (var d in drains)
                {
                    await WriteAsync(output, d);
                    await WriteBudgetAsync(output, new ClusterBudgetStore(opened.DataSource, TimeProvider.System), d, budgets, ct);
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    // An unfinished drain's place in its cluster's migration budget; each cluster's budget is read once.
    private static async Task WriteBudgetAsync(TextWriter output, ClusterBudgetStore store, DrainRecord d,
        Dictionary<string, IReadOnlyList<DrainBudgetStatus>> budgets, CancellationToken cancellationToken)
    {
        if (DrainState.IsFinal(d.State))
        {
            return;
        }

        if (!budgets.TryGetValue(d.Cluster, out var budget))
        {
            budget = await store.ReadAsync(d.Cluster, new DrainEngineOptions().LeaseDuration * 2, cancellationToken);
            budgets[d.Cluster] = budget;
        }

        if (budget.FirstOrDefault(b => b.DrainId == d.Id) is { } mine)
        {
            await output.WriteLineAsync(
                $"  budget: holds {mine.Held} of share {mine.Share} (cluster limit {Known(mine.ClusterLimit)}, foreign {Known(mine.ForeignInFlight)})");
        }

        static string Known(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
    }

    private static async Task WriteAsync(TextWriter output, DrainRecord d)
    {
        await output.WriteLineAsync($"{d.Name}  {d.State}  id {d.Id}  cluster {d.Cluster}  created {d.CreatedAt:u}"
            + (d.OutcomeReason is null ? string.Empty : $"\n  {d.OutcomeReason}"));
        foreach (var n in d.Nodes)
        {
            var remaining = (n.VmisTotal ?? 0) - n.VmisMigrated - n.VmisSkipped - n.VmisFailed;
            await output.WriteLineAsync($"  {n.NodeName,-20} {n.State,-9} moved {n.VmisMigrated}/{n.VmisTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}"
                + $"  remaining {Math.Max(0, remaining)}  given up {n.VmisFailed}  skipped {n.VmisSkipped}"
                + (n.LastError is null ? string.Empty : $"  last error: {n.LastError}"));
        }
    }
}
