using System.CommandLine;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl workflow plan FILE [--param NAME=VALUE...]</c>: the workflow's drains forecast batch by batch on the cluster
/// as it is, and the VMs that will move twice with why, before anything runs.
/// </summary>
internal static class WorkflowPlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The workflow definition (YAML)." };
        var parameters = new Option<string[]>("--param") { Description = "NAME=VALUE for a parameter; repeat for several.", AllowMultipleArgumentsPerToken = false };
        var doors = new FrontDoorOptions();
        var command = new Command("plan", "Forecast the workflow's drains batch by batch (nothing starts); names the VMs that will move twice and why.")
        {
            file, parameters,
        };
        doors.AddTo(command, withCluster: true);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var arguments = WorkflowRunCommands.Arguments(parse.GetValue(parameters));
            var plan = await door.PlanWorkflowAsync(await WorkflowSource.ReadAsync(parse.GetValue(file)!, ct), arguments, ct);
            await WriteAsync(output, plan);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task WriteAsync(TextWriter output, WorkflowPlanView plan)
    {
        await output.WriteLineAsync($"Workflow {plan.Workflow}: {plan.Batches.Count} drain(s).");
        foreach (var b in plan.Batches)
        {
            await output.WriteLineAsync($"  batch {b.Batch} ({string.Join(", ", b.Nodes)}): {b.Migrations} migration(s)"
                + (b.Blocked > 0 ? $", {b.Blocked} blocked" : string.Empty)
                + (b.Restarted.Count > 0 ? $", {b.Restarted.Count} shut down and restarted elsewhere" : string.Empty)
                + (b.Skipped.Count > 0 ? $", {b.Skipped.Count} left in place" : string.Empty)
                + (b.MovesTwice.Count > 0 ? $", {b.MovesTwice.Count} onto a later batch's node" : string.Empty));
            foreach (var m in b.MovesTwice)
            {
                await output.WriteLineAsync($"    {m.Vmi} will move twice: {m.From} -> {m.To}: {m.Why}");
            }

            foreach (var skipped in b.Skipped)
            {
                await output.WriteLineAsync($"    {skipped} (left in place)");
            }

            foreach (var restarted in b.Restarted)
            {
                await output.WriteLineAsync($"    {restarted} (shut down and restarted elsewhere)");
            }
        }

        await output.WriteLineAsync(plan.MovesTwice == 0 ? "Every VM moves at most once." : $"{plan.MovesTwice} VM(s) will move twice.");
    }
}
