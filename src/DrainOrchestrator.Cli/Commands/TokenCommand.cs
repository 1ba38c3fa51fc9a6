using System.CommandLine;
using DrainOrchestrator.Server.Auth;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl token new NAME ROLE</c>: a new API token, and the line of the tokens file that admits it.</summary>
public static class TokenCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "Who the token is for (journaled with every change made with it)." };
        var role = new Argument<string>("ROLE") { Description = "viewer, operator or admin." };
        role.AcceptOnlyFromAmong("viewer", "operator", "admin");
        var create = new Command("new", "Print a new random token, then the line to add to the --tokens file (only its SHA-256 is stored).") { name, role };
        create.SetAction(async (parse, _) =>
        {
            try
            {
                var (token, line) = TokenGenerator.Create(parse.GetValue(name)!, parse.GetValue(role)!);
                await output.WriteLineAsync(token);
                await output.WriteLineAsync(line);
                return ExitCodes.Success;
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return new Command("token", "API tokens for drainctl serve.") { create };
    }
}
