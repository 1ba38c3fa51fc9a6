using System.Text;

namespace DrainOrchestrator.Application.Text;

/// <summary>
/// A <see cref="TextWriter"/> that passes everything through <see cref="TerminalText.EscapeKeepingLines"/>: put around
/// a terminal's writer, no text from the cluster can move the cursor, recolour, retitle or clear the terminal, or forge
/// a line, whichever printer writes it. Line breaks and tabs pass.
/// </summary>
public sealed class TerminalWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (value is '\n' or '\t' || !TerminalText.IsUnsafe(value))
        {
            inner.Write(value);
        }
        else
        {
            inner.Write(TerminalText.Escape(value.ToString()));
        }
    }

    /// <inheritdoc />
    public override void Write(string? value) => inner.Write(value is null ? null : TerminalText.EscapeKeepingLines(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : TerminalText.EscapeKeepingLines(value));

    /// <inheritdoc />
    public override Task WriteAsync(string? value) => inner.WriteAsync(value is null ? null : TerminalText.EscapeKeepingLines(value));

    /// <inheritdoc />
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(TerminalText.EscapeKeepingLines(buffer.ToString()).AsMemory(), cancellationToken);

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value) =>
        inner.WriteLineAsync(value is null ? null : TerminalText.EscapeKeepingLines(value));

    /// <inheritdoc />
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteLineAsync(TerminalText.EscapeKeepingLines(buffer.ToString()).AsMemory(), cancellationToken);

    /// <inheritdoc />
    public override Task WriteLineAsync() => inner.WriteLineAsync();

    /// <inheritdoc />
    public override void WriteLine() => inner.WriteLine();

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync() => inner.FlushAsync();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
