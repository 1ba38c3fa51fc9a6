using System.Globalization;
using System.Security;
using System.Text;

namespace DrainOrchestrator.Scheduling.Bench.Charts;

/// <summary>
/// A minimal SVG writer: rectangles, lines, text and groups, numbers in invariant culture, text escaped. Enough for bar
/// charts and timelines without a charting package.
/// </summary>
internal sealed class Svg(double width, double height)
{
    private readonly StringBuilder _body = new();

    public double Width { get; } = width;

    public double Height { get; } = height;

    public Svg Rect(double x, double y, double width, double height, string fill, string? title = null, string? extra = null)
    {
        _body.Append("  <rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0, width)))
            .Append("\" height=\"").Append(N(Math.Max(0, height))).Append("\" fill=\"").Append(Escape(fill)).Append('"');
        if (extra is not null)
        {
            _body.Append(' ').Append(extra);
        }

        if (title is null)
        {
            _body.Append("/>\n");
        }
        else
        {
            _body.Append("><title>").Append(Escape(title)).Append("</title></rect>\n");
        }

        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _body.Append("  <line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2))
            .Append("\" y2=\"").Append(N(y2)).Append("\" stroke=\"").Append(Escape(stroke)).Append("\" stroke-width=\"").Append(N(width)).Append('"');
        if (dash is not null)
        {
            _body.Append(" stroke-dasharray=\"").Append(Escape(dash)).Append('"');
        }

        _body.Append("/>\n");
        return this;
    }

    public Svg Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222", bool bold = false,
        double? rotate = null)
    {
        _body.Append("  <text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-size=\"").Append(N(size))
            .Append("\" text-anchor=\"").Append(anchor).Append("\" fill=\"").Append(Escape(fill)).Append('"');
        if (bold)
        {
            _body.Append(" font-weight=\"bold\"");
        }

        if (rotate is { } angle)
        {
            _body.Append(" transform=\"rotate(").Append(N(angle)).Append(' ').Append(N(x)).Append(' ').Append(N(y)).Append(")\"");
        }

        _body.Append('>').Append(Escape(text)).Append("</text>\n");
        return this;
    }

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"sans-serif\">\n"
        + $"  <rect width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"white\"/>\n"
        + _body
        + "</svg>\n";

    /// <summary>A number as SVG wants it: invariant, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
