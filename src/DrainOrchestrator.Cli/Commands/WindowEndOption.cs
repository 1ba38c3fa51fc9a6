using System.CommandLine;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Core.Windows;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>--window-end TIME</c> of the commands that run a drain-like job (<c>drain</c>, <c>moveback</c>): the maintenance window from now to that instant.</summary>
internal sealed class WindowEndOption
{
    private readonly Option<string?> _option;

    /// <param name="what">What runs in the window, for the help text: "the drain", "the move-back".</param>
    public WindowEndOption(string what) => _option = new Option<string?>("--window-end")
    {
        Description = "Run inside a maintenance window ending at this time (ISO 8601 with its offset, e.g. 2027-01-02T06:00:00Z): no migration starts that is predicted to end after it "
            + $"(less --window-margin-seconds); when nothing more fits, {what} is suspended (exit 3) and the same command in the next window resumes it.",
    };

    public void AddTo(Command command) => command.Options.Add(_option);

    /// <summary>
    /// The window from now to --window-end; null without it. Refused before anything starts when it is not a future
    /// instant, or the job would run on a server.
    /// </summary>
    public MaintenanceWindow? Read(ParseResult parse, IDrainFrontDoor door)
    {
        if (parse.GetValue(_option) is not { } text)
        {
            return null;
        }

        var now = DrainctlClock.Current.GetUtcNow();
        if (Instants.Parse(text, "--window-end", out var problem) is not { } end)
        {
            throw new InvalidRequestException([new RequestProblem("window.end", problem!)]);
        }

        if (end <= now)
        {
            throw new InvalidRequestException([new RequestProblem("window.end", $"--window-end must be in the future, was {end:u} (now {now:u})")]);
        }

        return door is EmbeddedFrontDoor ? new MaintenanceWindow(now, end)
            : throw new InvalidRequestException([new RequestProblem("window.end", "--window-end is not served through --server yet: run it without --server")]);
    }
}
