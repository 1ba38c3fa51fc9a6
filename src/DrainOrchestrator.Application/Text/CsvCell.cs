using System.Globalization;

namespace DrainOrchestrator.Application.Text;

/// <summary>
/// One CSV cell (RFC 4180) that a spreadsheet will not run as a formula: text starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe (OWASP's advice against CSV injection), and a
/// cell holding a comma, a quote, a line break or that apostrophe is quoted with its quotes doubled.
/// </summary>
public static class CsvCell
{
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r', '\''];

    /// <summary>The cell for <paramref name="value"/>, formatted with the invariant culture; null is an empty cell.</summary>
    public static string Format(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
