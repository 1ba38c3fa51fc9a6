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
        var rows = plan.Items.Select(i => new
        {
            vmi = i.Vmi.QualifiedName,
            node = i.Vmi.NodeName,
            disposition = i.Disposition.ToString(),
            wave = i.Wave,
            reason = i.Reason == BlockReason.None ? null : i.Reason.ToString(),
            detail = i.Detail,
            predictedSeconds = Math.Round(i.Estimate.Duration.TotalSeconds, 1),
            predictedMode = i.Estimate.Mode.ToString(),
        }).ToList();
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                nodes = plan.Nodes,
                blocked = plan.IsBlocked,
                waves = plan.Waves.Count,
                predictedMakespanSeconds = Math.Round(plan.PredictedMakespan.TotalSeconds, 1),
                items = rows,
            }, Json));
            return;
        }

        await output.WriteLineAsync($"Plan for {string.Join(", ", plan.Nodes)}: {plan.Waves.Count} wave(s), predicted {plan.PredictedMakespan.TotalSeconds:0}s"
            + (plan.IsBlocked ? $", BLOCKED by {plan.Blockers.Count} VM(s)" : string.Empty));
        foreach (var r in rows.OrderBy(r => r.disposition == "Block" ? 0 : 1).ThenBy(r => r.wave))
        {
            await output.WriteLineAsync($"  {r.vmi,-30} {r.node,-14} {r.disposition,-8} wave {r.wave,-3} {r.predictedSeconds,7}s {r.predictedMode,-8} {r.detail}");
        }
    }
}
