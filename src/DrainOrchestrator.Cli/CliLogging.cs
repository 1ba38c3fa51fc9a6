using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DrainOrchestrator.Cli;

/// <summary>Logging for a command: warnings by default, everything with --verbose, always to standard error.</summary>
public static class CliLogging
{
    /// <summary>A logger factory writing single-line messages to standard error.</summary>
    public static ILoggerFactory Create(bool verbose) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        builder.AddFilter("Npgsql", verbose ? LogLevel.Information : LogLevel.Warning);
        builder.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}
