using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Application.Text;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Hosting;

/// <summary>
/// Writes log entries to one <see cref="TextWriter"/>, as readable lines or as one JSON object per line with the
/// message template's named values as fields. Entries are written whole, one at a time.
/// </summary>
internal sealed class WriterLoggerProvider(TextWriter writer, LogFormat format, TimeProvider timeProvider) : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, WriterLogger> _loggers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, c => new WriterLogger(this, c));

    public void Dispose()
    {
        lock (_gate)
        {
            writer.Flush();
        }
    }

    private void Write(string category, LogLevel level, EventId eventId, string message, Exception? exception,
        IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        var now = timeProvider.GetUtcNow();
        string line;
        if (format == LogFormat.Json)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("time", now);
                json.WriteString("level", level.ToString());
                json.WriteString("category", category);
                if (eventId.Id != 0)
                {
                    json.WriteNumber("eventId", eventId.Id);
                }

                json.WriteString("message", message);
                foreach (var (key, value) in values ?? [])
                {
                    if (key != "{OriginalFormat}")
                    {
                        json.WriteString(JsonNamingPolicy.CamelCase.ConvertName(key), Convert.ToString(value, CultureInfo.InvariantCulture));
                    }
                }

                if (exception is not null)
                {
                    json.WriteString("exception", exception.ToString());
                }

                json.WriteEndObject();
            }

            line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        else
        {
            // A message carries names and reasons from the cluster: one entry stays one line, and no escape reaches a terminal.
            line = $"{now:yyyy-MM-ddTHH:mm:ss.fffZ} {Short(level)} {category}: {TerminalText.Escape(message)}"
                + (exception is null ? string.Empty : Environment.NewLine + TerminalText.EscapeKeepingLines(exception.ToString()));
        }

        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private sealed class WriterLogger(WriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            ArgumentNullException.ThrowIfNull(formatter);
            provider.Write(category, logLevel, eventId, formatter(state, exception), exception,
                state as IReadOnlyList<KeyValuePair<string, object?>>);
        }
    }
}
