using Spectre.Console;

namespace DrainOrchestrator.Cli.Progress;

/// <summary>The terminal drainctl's stdout is, if any: where live progress is drawn.</summary>
/// <param name="Console">Writes to stdout with ANSI sequences.</param>
/// <param name="IsInteractive">Whether stdout is a terminal that can redraw in place (not redirected, TERM not dumb).</param>
public sealed record ConsoleTerminal(IAnsiConsole Console, bool IsInteractive)
{
    /// <summary>The process's stdout.</summary>
    public static ConsoleTerminal ForStdout()
    {
        var interactive = !System.Console.IsOutputRedirected
            && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.Yes,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        return new ConsoleTerminal(console, interactive);
    }
}
