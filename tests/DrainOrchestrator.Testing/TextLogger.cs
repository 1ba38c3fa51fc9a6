using System.Text;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Testing;

/// <summary>A logger that keeps every message as text, to put in a failure message.</summary>
public sealed class TextLogger : ILogger
{
    private readonly StringBuilder _text = new();

    /// <summary>Everything logged so far, one message a line.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_text)
        {
            _text.Append(logLevel).Append(": ").AppendLine(formatter(state, exception));
        }
    }
}
