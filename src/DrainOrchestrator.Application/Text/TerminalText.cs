using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Application.Text;

/// <summary>
/// Makes text that tenants control (VM names, labels, annotations, reasons from the cluster) safe to show on a terminal
/// or in a log line: control characters (ANSI escapes, carriage returns, line breaks, NUL, DEL, C1) and the invisible
/// characters that reorder or split lines (bidirectional overrides, line and paragraph separators) become visible
/// escapes such as <c>\x1b</c> and <c>\u202e</c>. Everything else, accents and CJK included, stays as it is.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every unsafe character escaped; null stays null.</summary>
    public static string? Escape(string? text) => Escape(text, keepLineBreaks: false);

    /// <summary>
    /// The text with every unsafe character escaped, except line feeds (and the carriage return of a CRLF) and tabs,
    /// for writing whole multi-line outputs such as a report or an exception.
    /// </summary>
    public static string EscapeKeepingLines(string text) => Escape(text, keepLineBreaks: true)!;

    /// <summary>Whether <paramref name="c"/> is escaped.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u200e' or '\u200f' or '\u2028' or '\u2029' or '\u061c'
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';

    private static string? Escape(string? text, bool keepLineBreaks)
    {
        if (text is null)
        {
            return null;
        }

        var first = FirstUnsafe(text, 0, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c) || (keepLineBreaks && IsKeptBreak(text, i)))
            {
                builder.Append(c);
            }
            else if (c <= '\u00ff')
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static int FirstUnsafe(string text, int start, bool keepLineBreaks)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) && !(keepLineBreaks && IsKeptBreak(text, i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsKeptBreak(string text, int i) => text[i] switch
    {
        '\n' or '\t' => true,
        '\r' => i + 1 < text.Length && text[i + 1] == '\n',
        _ => false,
    };
}
