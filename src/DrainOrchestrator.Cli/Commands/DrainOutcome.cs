using DrainOrchestrator.Engine;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>How <c>drainctl drain</c> ends for the engine's result: its exit code, and last lines that say what comes next.</summary>
internal static class DrainOutcome
{
    /// <summary>
    /// <see cref="ExitCodes.Success"/> when the drain succeeded, <see cref="ExitCodes.Failed"/> when it ended otherwise
    /// (failed or cancelled), <see cref="ExitCodes.Unfinished"/> when this run stopped before the drain ended.
    /// </summary>
    public static int ExitCode(DrainResult result) => result.State switch
    {
        DrainRunState.Succeeded => ExitCodes.Success,
        _ when result.State.IsFinal() => ExitCodes.Failed,
        _ => ExitCodes.Unfinished,
    };

    /// <summary>The lines printed once the run returns; for an unfinished drain the last one says to run the command again.</summary>
    public static IReadOnlyList<string> Lines(string drainName, DrainResult result)
    {
        var lines = new List<string> { $"Drain {drainName}: {result.State.ToText()}: {result.Reason}", $"Report: drainctl report {drainName}" };
        if (ExitCode(result) == ExitCodes.Unfinished)
        {
            lines.Add(result.State switch
            {
                DrainRunState.Interrupted =>
                    $"Drain {drainName} is unfinished and resumable (exit {ExitCodes.Unfinished}): run the same command again to resume it.",
                // Its window closed: the same --window-end is past, so the same command would only suspend it again.
                DrainRunState.Suspended => $"Drain {drainName} is suspended until its next window (exit {ExitCodes.Unfinished}): run the same "
                    + "command with that window's --window-end to go on in it, or without --window-end to finish it now.",
                _ => $"Drain {drainName} is unfinished (exit {ExitCodes.Unfinished}): this run stopped before its end; "
                    + "the same command run again attaches to it and follows it to its end.",
            });
        }

        return lines;
    }
}
