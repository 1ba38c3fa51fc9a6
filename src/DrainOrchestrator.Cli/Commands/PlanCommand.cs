using System.CommandLine;
using System.Text.Json;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl plan --kubeconfig FILE --node N... [policy options] [--output table|json]</c>: preflight and plan, nothing moves.</summary>
public static class PlanCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new DrainOptions();
        var format = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var verbose = CommonOptions.Verbose();
        var command = new Command("plan", "Show what a drain would do: every VM, its disposition, wave and predicted duration; blockers first.");
        options.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(verbose);
        command.SetAction(async (parse, ct) =>
        {
            using var loggerFactory = CliLogging.Create(parse.GetValue(verbose));
            var (session, code) = await ClusterSession.OpenAsync(parse.GetValue(options.Kubeconfig)!, parse.GetValue(options.Context), loggerFactory, error, ct);
            if (session is null)
            {
                return code;
            }

            await using (session)
            {
                var state = session.View.Current;
                var nodes = parse.GetValue(options.Nodes)!;
                var policy = options.Policy(parse).ToPolicy();
                var problems = nodes.Where(n => state.FindNode(n) is null).Select(n => $"node '{n}' does not exist in the cluster")
                    .Concat(policy.Validate(SnapshotMapper.MapConfig(state.KubeVirt))).ToList();
                if (problems.Count > 0)
                {
                    foreach (var problem in problems)
                    {
                        await error.WriteLineAsync($"error: {problem}");
                    }

                    return ExitCodes.BadInput;
                }

                var plan = DrainPlanner.Plan(SnapshotMapper.Map(state), nodes, policy);
                await WriteAsync(output, plan, parse.GetValue(format)!);
                return plan.IsBlocked ? ExitCodes.Failed : ExitCodes.Success;
            }
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, DrainPlan plan, string format)
    {
        // A restart is no migration: no wave, no predicted transfer; its detail says how it moves.
        var rows = plan.Items.Select(i => new
        {
            vmi = i.Vmi.QualifiedName,
            node = i.Vmi.NodeName,
            disposition = i.Disposition.ToString(),
            wave = i.Wave,
            reason = i.Reason == BlockReason.None ? null : i.Reason.ToString(),
            detail = i.Disposition == PlanDisposition.Restart
                ? $"shut down, then started elsewhere by its run strategy {i.Vmi.RunStrategy}" + (i.Detail is null ? string.Empty : "; " + i.Detail)
                : i.Detail,
            predictedSeconds = i.Disposition == PlanDisposition.Restart ? (double?)null : Math.Round(i.Estimate.Duration.TotalSeconds, 1),
            predictedMode = i.Disposition == PlanDisposition.Restart ? null : i.Estimate.Mode.ToString(),
        }).ToList();
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                nodes = plan.Nodes,
                blocked = plan.IsBlocked,
                waves = plan.Waves.Count,
                predictedMakespanSeconds = Math.Round(plan.PredictedMakespan.TotalSeconds, 1),
                warnings = plan.Warnings,
                items = rows,
            }, Json));
            return;
        }

        var restarts = plan.Items.Count(i => i.Disposition == PlanDisposition.Restart);
        await output.WriteLineAsync($"Plan for {string.Join(", ", plan.Nodes)}: {plan.Waves.Count} wave(s), predicted {plan.PredictedMakespan.TotalSeconds:0}s"
            + (restarts > 0 ? $", {restarts} VM(s) shut down and restarted elsewhere" : string.Empty)
            + (plan.IsBlocked ? $", BLOCKED by {plan.Blockers.Count} VM(s)" : string.Empty));
        await PlanWarningLines.WriteAsync(output, plan.Warnings);
        foreach (var r in rows.OrderBy(r => r.disposition == "Block" ? 0 : 1).ThenBy(r => r.wave))
        {
            var predicted = r.predictedSeconds is { } seconds ? $"{seconds,7}s" : $"{"-",8}";
            await output.WriteLineAsync($"  {r.vmi,-30} {r.node,-14} {r.disposition,-8} wave {r.wave,-3} {predicted} {r.predictedMode ?? "-",-8} {r.detail}");
        }
    }
}
