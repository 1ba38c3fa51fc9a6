using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>Log events of the learned target start-up (3180–3184).</summary>
internal static partial class StartupLog
{
    [LoggerMessage(3180, LogLevel.Information,
        "Drain {Drain} assumes a target start-up of {Seconds:0.0} s (was {Before:0.0} s), the 90th percentile of {Samples} observed ones")]
    public static partial void Learned(ILogger logger, string drain, double seconds, double before, int samples);

    [LoggerMessage(3181, LogLevel.Debug, "Read {Samples} earlier start-ups; the plan assumes {Seconds:0.0} s ({Source})")]
    public static partial void HistoryRead(ILogger logger, int samples, double seconds, string source);
}
