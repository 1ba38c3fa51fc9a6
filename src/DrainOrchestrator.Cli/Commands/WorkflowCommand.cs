using System.CommandLine;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Cli.Progress;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl workflow validate FILE... [--param NAME=VALUE...]</c>: every problem of every file, at its file:line:column.</summary>
public static class WorkflowCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(TextWriter output, TextWriter error, ConsoleTerminal? terminal = null)
    {
        var command = new Command("workflow", "Maintenance workflows defined as YAML files (see workflows/ and workflows/schema.json).");
        command.Subcommands.Add(Validate(output, error));
        command.Subcommands.Add(WorkflowPlanCommand.Create(output, error));
        foreach (var sub in WorkflowRunCommands.Create(output, error, terminal))
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE") { Description = "Workflow files to check.", Arity = ArgumentArity.OneOrMore };
        var parameters = new Option<string[]>("--param")
        {
            Description = "NAME=VALUE: bind a parameter as a run would (then parameters without a default must be given).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("validate", "Check workflow files; exit 2 with every problem at file:line:column when any has one.") { files, parameters };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Without --param it is validation alone: parameters without a default take sample values.
            var malformed = new List<string>();
            var given = parse.GetValue(parameters) ?? [];
            var arguments = given.Length == 0 ? null : WorkflowRunCommands.Arguments(given, malformed);
            foreach (var bad in malformed)
            {
                await error.WriteLineAsync("error: " + bad);
            }

            var failed = malformed.Count > 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var (definition, problems) = await WorkflowFiles.ValidateAsync(file, arguments, cancellationToken);
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                if (definition is null)
                {
                    failed = true;
                    continue;
                }

                var summary = WorkflowSummary.Of(file, definition);
                await output.WriteLineAsync($"{file}: valid: workflow {summary.Workflow} version {summary.Version}, "
                    + $"{summary.Steps} step(s), content {summary.ContentHash[..12]}"
                    + (summary.Cron is { } cron ? $", scheduled '{cron}' in {summary.TimeZone} for {DurationText.Format(TimeSpan.FromSeconds(summary.DurationSeconds!.Value))}" : string.Empty));
            }

            return failed ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }
}
