using System.Globalization;
using DrainOrchestrator.Scheduling.Bench.Results;

namespace DrainOrchestrator.Scheduling.Bench.Charts;

/// <summary>
/// Bars per scenario and limit setting: the lower bound, the orchestrator and KubeVirt alone, as multiples of the lower
/// bound (labelled in seconds), with the 1.10 target drawn. Bars beyond the scale are cut and labelled.
/// </summary>
internal static class MakespanChart
{
    private const double Left = 60, Top = 50, PlotHeight = 260, GroupWidth = 150, BarWidth = 40, Right = 80;
    private const string BoundColor = "#9e9e9e", OursColor = "#1f77b4", KubeVirtColor = "#ff7f0e";

    public static string Render(IReadOnlyList<CaseResult> cases)
    {
        var ratios = cases.SelectMany(c => new[] { c.Ratio, c.KubeVirtAlone.MakespanSeconds / c.Bound.Seconds }).Where(double.IsFinite);
        var top = Math.Min(2.5, Math.Ceiling(ratios.DefaultIfEmpty(1.5).Max() * 4) / 4);
        top = Math.Max(top, 1.25);
        var svg = new Svg(Left + (cases.Count * GroupWidth) + Right, Top + PlotHeight + 70);
        var plotRight = svg.Width - Right + 10;
        svg.Text(Left, 20, "Drain makespan as a multiple of the lower bound (labels: seconds of model time)", 14, bold: true);
        Legend(svg, Left, 38);
        double Y(double ratio) => Top + PlotHeight - (Math.Min(ratio, top) / top * PlotHeight);
        for (var tick = 0.0; tick <= top + 1e-9; tick += 0.25)
        {
            svg.Line(Left, Y(tick), plotRight, Y(tick), "#e0e0e0");
            svg.Text(Left - 6, Y(tick) + 4, tick.ToString("0.00", CultureInfo.InvariantCulture) + "×", 10, "end");
        }

        svg.Line(Left, Y(CaseResult.BoundTarget), plotRight, Y(CaseResult.BoundTarget), "#2ca02c", 1.5, "6 4");
        svg.Text(plotRight + 4, Y(CaseResult.BoundTarget) + 4, string.Create(CultureInfo.InvariantCulture, $"target {CaseResult.BoundTarget:0.00}×"), 10, "start", "#2ca02c");
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var x = Left + (i * GroupWidth) + ((GroupWidth - (3 * BarWidth) - 8) / 2);
            Bar(svg, x, 1.0, c.Bound.Seconds, BoundColor, Y, top, "lower bound", complete: true);
            Bar(svg, x + BarWidth + 4, c.Ratio, c.Orchestrator.MakespanSeconds, OursColor, Y, top, "orchestrator", c.Orchestrator.Complete);
            Bar(svg, x + (2 * (BarWidth + 4)), c.KubeVirtAlone.MakespanSeconds / c.Bound.Seconds, c.KubeVirtAlone.MakespanSeconds,
                KubeVirtColor, Y, top, "KubeVirt alone", c.KubeVirtAlone.Complete);
            var center = x + ((3 * BarWidth) + 8) / 2;
            svg.Text(center, Top + PlotHeight + 18, $"({c.Entry.Id}) {c.Limits.Name}", 12, "middle", bold: true);
            svg.Text(center, Top + PlotHeight + 34, $"{c.Limits.PerCluster}/cluster, {c.Limits.PerNode}/node", 10, "middle", "#555");
        }

        svg.Line(Left, Y(0), plotRight, Y(0), "#444");
        return svg.ToString();
    }

    // A bar beyond the scale is cut at the top and its label gives the multiple.
    private static void Bar(Svg svg, double x, double ratio, double seconds, string color, Func<double, double> y, double top, string what, bool complete)
    {
        var height = y(0) - y(ratio);
        var label = string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s{(complete ? "" : "*")}{(ratio > top ? $" = {ratio:0.0}×" : "")}");
        var title = string.Create(CultureInfo.InvariantCulture, $"{what}: {seconds:0.0} s, {ratio:0.000}× the lower bound{(complete ? "" : ", did not finish")}");
        svg.Rect(x, y(ratio), BarWidth, height, complete ? color : "white", title,
            complete ? null : $"stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"");
        svg.Text(x + (BarWidth / 2), y(ratio) - 4, label, 10, "middle", "#333");
    }

    private static void Legend(Svg svg, double x, double y)
    {
        foreach (var (color, text) in new[] { (BoundColor, "lower bound"), (OursColor, "orchestrator (Core scheduler)"), (KubeVirtColor, "KubeVirt alone") })
        {
            svg.Rect(x, y - 9, 12, 10, color);
            svg.Text(x + 16, y, text, 11);
            x += 30 + (text.Length * 6.2);
        }

        svg.Text(x, y, "* did not finish: dashed outline", 11, fill: "#555");
    }
}
