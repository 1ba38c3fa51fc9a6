using DrainOrchestrator.Cli.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DrainOrchestrator.Cli;

/// <summary>Logging for a command: warnings by default, everything with --verbose, always to standard error.</summary>
public static class CliLogging
{
    /// <summary>A logger factory writing single-line messages, control characters escaped, to standard error.</summary>
    public static ILoggerFactory Create(bool verbose) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        builder.AddFilter("Npgsql", verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.AddSingleton(DrainctlClock.Current);
        builder.AddConsole(o =>
        {
            o.FormatterName = EscapingConsoleFormatter.FormatterName;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        builder.AddConsoleFormatter<EscapingConsoleFormatter, ConsoleFormatterOptions>();
    });
}
