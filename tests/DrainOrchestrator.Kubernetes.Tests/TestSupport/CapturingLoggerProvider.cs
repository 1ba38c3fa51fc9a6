using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>Keeps every log record, at every level, with its formatted message, state and exception.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly List<LogRecord> _records = [];

    public IReadOnlyList<LogRecord> Records
    {
        get
        {
            lock (_records)
            {
                return _records.ToList();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    internal sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, string State, Exception? Exception)
    {
        /// <summary>Everything the record would expose to a log sink.</summary>
        public string Everything => $"{Category} {EventId} {Message} {State} {Exception}";
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? "";
            lock (owner._records)
            {
                owner._records.Add(new LogRecord(category, logLevel, eventId, formatter(state, exception), values, exception));
            }
        }
    }
}
