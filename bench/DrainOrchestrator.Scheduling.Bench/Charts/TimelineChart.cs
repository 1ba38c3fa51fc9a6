using System.Globalization;
using DrainOrchestrator.Scheduling.Bench.Results;

namespace DrainOrchestrator.Scheduling.Bench.Charts;

/// <summary>
/// Migrations per source node over time, one panel per run: each migration a bar from admission to its end, light
/// while its target starts, dark while memory moves (red when it failed, purple in post-copy); concurrent migrations of
/// a node get their own lane.
/// </summary>
internal static class TimelineChart
{
    private const double Left = 110, Width = 900, Lane = 11, LaneGap = 2, RowGap = 10, PanelGap = 50, MaxRows = 12;

    public static string Render(string title, IReadOnlyList<RunResult> runs)
    {
        var panels = runs.Select(Layout).ToList();
        var height = 60 + panels.Sum(p => 60 + (p.Rows.Sum(r => (r.Lanes * (Lane + LaneGap)) + RowGap))) + ((panels.Count - 1) * PanelGap);
        var svg = new Svg(Left + Width + 30, height);
        svg.Text(10, 22, title, 14, bold: true);
        Legend(svg, 10, 42);

        // One time axis when the runs are comparable, so lengths compare at a glance; else each its own.
        var longest = panels.Max(p => p.End);
        var shared = longest <= 3 * panels.Min(p => p.End);
        var y = 60.0;
        for (var i = 0; i < runs.Count; i++)
        {
            y = Panel(svg, runs[i], panels[i], shared ? longest : panels[i].End, y) + PanelGap;
        }

        return svg.ToString();
    }

    private static void Legend(Svg svg, double x, double y)
    {
        foreach (var (color, text) in new[]
            { ("#c6dbef", "target starting"), ("#2171b5", "memory moving"), ("#9467bd", "post-copy"), ("#d62728", "failed attempt") })
        {
            svg.Rect(x, y - 9, 14, 10, color);
            svg.Text(x + 18, y, text, 11);
            x += 36 + (text.Length * 6.2);
        }
    }

    private static double Panel(Svg svg, RunResult run, PanelLayout layout, double axisEnd, double y)
    {
        var end = Math.Max(1, axisEnd);
        var step = NiceStep(end / 10);
        double X(double seconds) => Left + (seconds / end * Width);
        var mode = run.Mode == RunMode.Orchestrator ? "orchestrator (Core scheduler)" : "KubeVirt alone";
        svg.Text(10, y + 14, string.Create(CultureInfo.InvariantCulture,
            $"{mode}, {run.Limits} limits: makespan {run.MakespanSeconds:0.0} s, {run.FailedAttempts} failed attempts"), 12, bold: true);
        y += 26;
        var plotTop = y;
        foreach (var row in layout.Rows)
        {
            svg.Text(Left - 8, y + (row.Lanes * (Lane + LaneGap) / 2) + 4, row.Node, 11, "end");
            foreach (var (m, lane) in row.Bars)
            {
                var top = y + (lane * (Lane + LaneGap));
                var admitted = m.Admitted ?? m.Created;
                var transfer = m.TransferStarted ?? m.Ended ?? admitted;
                var ended = m.Ended ?? end;
                var tip = string.Create(CultureInfo.InvariantCulture,
                    $"{m.Vmi} → {m.Target}: admitted {admitted:0.0} s, transfer {transfer:0.0} s, end {ended:0.0} s, {m.Outcome}{(m.Mode is null ? "" : ", " + m.Mode)}");
                svg.Rect(X(admitted), top, X(transfer) - X(admitted), Lane, "#c6dbef", tip);
                var color = m.Outcome != "Succeeded" ? "#d62728" : m.Mode == "PostCopy" ? "#9467bd" : "#2171b5";
                svg.Rect(X(transfer), top, X(ended) - X(transfer), Lane, color, tip);
            }

            y += (row.Lanes * (Lane + LaneGap)) + RowGap;
        }

        for (var t = 0.0; t <= end + 1e-9; t += step)
        {
            svg.Line(X(t), plotTop - 4, X(t), y, "#eeeeee");
            svg.Text(X(t), y + 12, t.ToString("0", CultureInfo.InvariantCulture) + " s", 10, "middle", "#555");
        }

        return y + 14;
    }

    private static PanelLayout Layout(RunResult run)
    {
        var bySource = run.Migrations.Where(m => m.Source is not null).GroupBy(m => m.Source!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Take((int)MaxRows);
        var rows = new List<RowLayout>();
        foreach (var group in bySource)
        {
            var laneEnds = new List<double>();
            var bars = new List<(MigrationRecord, int)>();
            foreach (var m in group.OrderBy(m => m.Admitted ?? m.Created))
            {
                var start = m.Admitted ?? m.Created;
                var lane = laneEnds.FindIndex(e => e <= start);
                if (lane < 0)
                {
                    lane = laneEnds.Count;
                    laneEnds.Add(0);
                }

                laneEnds[lane] = m.Ended ?? double.MaxValue;
                bars.Add((m, lane));
            }

            rows.Add(new RowLayout(group.Key, Math.Max(1, laneEnds.Count), bars));
        }

        var end = run.Migrations.Select(m => m.Ended ?? m.Created).DefaultIfEmpty(1).Max();
        return new PanelLayout(rows, Math.Max(end, run.MakespanSeconds));
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1e-9))));
        var normalized = raw / magnitude;
        return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
    }

    private sealed record RowLayout(string Node, int Lanes, List<(MigrationRecord Migration, int Lane)> Bars);

    private sealed record PanelLayout(List<RowLayout> Rows, double End);
}
