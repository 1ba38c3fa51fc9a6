using System.CommandLine;
using System.Text.Json;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl plan --node N... [policy options] [--output table|json]</c>: preflight and plan, nothing moves.</summary>
public static class PlanCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new DrainOptions();
        var window = new WindowOptions();
        var doors = new FrontDoorOptions();
        var format = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("plan", "Show what a drain would do: every VM, its disposition, wave and predicted duration; blockers first.");
        options.AddTo(command, withEngine: false);
        doors.AddTo(command, withCluster: true);
        window.AddTo(command);
        command.Options.Add(format);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var problems = new List<RequestProblem>();
            var asked = window.Read(parse, problems);
            DrainSpec spec;
            try
            {
                spec = options.Spec(parse);
            }
            catch (InvalidRequestException ex)
            {
                throw new InvalidRequestException([.. ex.Problems, .. problems]);
            }

            if (problems.Count > 0)
            {
                throw new InvalidRequestException(problems);
            }

            var plan = await door.PlanAsync(spec with { Window = asked }, ct);
            await WriteAsync(output, plan, parse.GetValue(format)!, scheduled: asked?.Schedule is not null);
            return plan.Blocked ? ExitCodes.Failed : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // scheduled: the later windows are the schedule's; with --window-end alone they are assumed as long as this one.
    private static async Task WriteAsync(TextWriter output, PlanView plan, string format, bool scheduled)
    {
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(plan, Json));
            return;
        }

        var restarts = plan.Items.Count(i => i.Disposition == "Restart");
        await output.WriteLineAsync($"Plan for {string.Join(", ", plan.Nodes)}: {plan.Waves} wave(s), predicted {plan.PredictedMakespanSeconds:0}s"
            + $", target start-up {plan.TargetStartupSeconds:0.#}s ({plan.TargetStartupSource})"
            + (restarts > 0 ? $", {restarts} VM(s) shut down and restarted elsewhere" : string.Empty)
            + (plan.Blocked ? $", BLOCKED by {plan.Items.Count(i => i.Disposition == "Block")} VM(s)" : string.Empty));
        await PlanWarningLines.WriteAsync(output, plan.Warnings);
        foreach (var budget in plan.Budgets)
        {
            await output.WriteLineAsync("  " + budget.Text);
        }

        if (plan.Window is { } w)
        {
            var later = scheduled ? $"later windows {w.WindowSeconds:0}s" : "no schedule given: later windows counted as long as this one";
            await output.WriteLineAsync((w.Fits
                    ? $"Window: fits the window ending {w.FirstWindowEnd:u}"
                    : $"Window: does NOT fit the window ending {w.FirstWindowEnd:u}; needs {w.WindowsNeeded} window(s)")
                + $" ({w.FirstWindowSeconds:0}s left, {later}, margin {w.MarginSeconds:0}s, predictions x{w.Factor:0.##})"
                + (w.NeverFit.Count > 0 ? $"; {w.NeverFit.Count} VM(s) longer than any window: {string.Join(", ", w.NeverFit)}" : string.Empty));
        }

        foreach (var r in plan.Items.OrderBy(r => r.Disposition == "Block" ? 0 : 1).ThenBy(r => r.Wave))
        {
            var predicted = r.PredictedSeconds is { } seconds ? $"{seconds,7}s" : $"{"-",8}";
            var inputs = r.DirtyRateSource is null ? $"{"-",-31}" : $"dirty {Rate(r.DirtyRateBytesPerSecond),9} {r.DirtyRateSource,-10} bw {r.BandwidthSource,-10}";
            await output.WriteLineAsync($"  {r.Vmi,-30} {r.Node,-14} {r.Disposition,-8} wave {r.Wave,-3} {predicted} {r.PredictedMode ?? "-",-8} {inputs} {r.Detail}");
        }
    }

    // MiB/s with one decimal: the unit of the hint annotations' examples (200Mi).
    private static string Rate(long? bytesPerSecond) =>
        bytesPerSecond is { } b ? (b / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "MiB/s" : "-";
}
