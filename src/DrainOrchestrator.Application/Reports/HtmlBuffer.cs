using System.Globalization;
using System.Net;
using System.Text;

namespace DrainOrchestrator.Application.Reports;

/// <summary>
/// HTML gathered a chunk at a time and passed to a <see cref="TextWriter"/>: one write per 64 KiB, not per cell (the
/// console's writer flushes on every write). Every text of the tenant or the cluster goes through <see cref="Text"/>.
/// </summary>
internal sealed class HtmlBuffer(TextWriter output)
{
    private const int ChunkChars = 64 * 1024;
    private readonly StringBuilder _builder = new(ChunkChars + 4096);

    /// <summary>Markup of ours, as is.</summary>
    public HtmlBuffer Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Text, HTML-escaped (also inside attribute values: quotes and apostrophes are escaped too).</summary>
    public HtmlBuffer Text(string? text)
    {
        _builder.Append(WebUtility.HtmlEncode(text ?? string.Empty));
        return this;
    }

    /// <summary>A number in the invariant culture.</summary>
    public HtmlBuffer Number(double value, string format)
    {
        _builder.Append(value.ToString(format, CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A table cell holding <paramref name="text"/>, escaped.</summary>
    public HtmlBuffer Cell(string? text) => Raw("<td>").Text(text).Raw("</td>");

    /// <summary>A time's cell in UTC, then, when the reader chose a zone, its cell in that zone.</summary>
    public HtmlBuffer TimeCells(DateTimeOffset at, ReportTimeZone zone) =>
        zone.IsUtc ? Cell(ReportTimeZone.FormatUtc(at)) : Cell(ReportTimeZone.FormatUtc(at)).Cell(zone.FormatLocal(at));

    /// <summary>The headers of <see cref="TimeCells"/>: <c>LABEL (UTC)</c>, then <c>LABEL (ZONE)</c> when a zone was chosen.</summary>
    public HtmlBuffer TimeHeaders(string label, ReportTimeZone zone)
    {
        Raw("<th scope=\"col\">").Text(label).Raw(" (UTC)</th>");
        return zone.IsUtc ? this : Raw("<th scope=\"col\">").Text(label).Raw(" (").Text(zone.Id).Raw(")</th>");
    }

    public async Task FlushIfFullAsync(CancellationToken cancellationToken)
    {
        if (_builder.Length >= ChunkChars)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await output.WriteAsync(_builder, cancellationToken);
        _builder.Clear();
    }
}
