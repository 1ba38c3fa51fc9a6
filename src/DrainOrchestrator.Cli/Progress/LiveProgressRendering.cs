using System.Globalization;
using System.Text;
using DrainOrchestrator.Application.Text;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DrainOrchestrator.Cli.Progress;

/// <summary>
/// Draws a drain's progress for a terminal: a heading with the totals and the estimate, then a table with one bar per
/// node (moved, in flight, given up, left), or beyond the screen's height the busiest and the slowest nodes.
/// </summary>
internal static class LiveProgressRendering
{
    /// <summary>The bar's width in cells.</summary>
    public const int BarWidth = 28;

    // Lines the display needs besides node rows: heading, table borders and header, the totals row, the caption, and the
    // lines the command printed before the display.
    private const int Chrome = 10;

    /// <summary>The display for <paramref name="progress"/> (null before the first report) on a screen of <paramref name="height"/> lines.</summary>
    public static IRenderable Render(string title, DrainProgress? progress, int height)
    {
        var heading = new StringBuilder(Markup.Escape(TerminalText.Escape(title) ?? string.Empty));
        if (progress is null)
        {
            return new Markup(heading.Append(": [grey]waiting for the first progress report[/]").ToString());
        }

        var rows = Math.Max(3, height - Chrome);
        var digest = ProgressDigest.Of(progress.Nodes, rows);
        heading.Append(" · ").Append(Markup.Escape(progress.Step));
        if (progress.ClusterInFlight is { } cluster)
        {
            heading.Append(CultureInfo.InvariantCulture, $" · in the cluster {cluster} in flight");
        }

        if (progress.EstimatedRemaining is { } eta)
        {
            heading.Append(" · ETA ").Append(Duration(eta));
        }

        if (progress.Paused)
        {
            heading.Append(" · [yellow]paused[/]");
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Node").AddColumn("Progress").AddColumn(new TableColumn("Moved").RightAligned())
            .AddColumn(new TableColumn("In flight").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Given up").RightAligned());
        if (digest.All.Count > 0)
        {
            AddRows(table, digest.All);
        }
        else
        {
            if (digest.Busiest.Count > 0)
            {
                table.AddRow(new Markup("[bold]busiest[/]"));
                AddRows(table, digest.Busiest);
            }

            if (digest.Slowest.Count > 0)
            {
                table.AddRow(new Markup("[bold]slowest[/]"));
                AddRows(table, digest.Slowest);
            }

            table.Caption($"{digest.Busiest.Count} busiest and {digest.Slowest.Count} slowest of {progress.Nodes.Count} nodes; {digest.Hidden} not shown");
        }

        if (progress.Nodes.Count > 1)
        {
            table.AddEmptyRow();
            AddRow(table, digest.Totals, bold: true);
        }

        return new Rows(new Markup(heading.ToString()), table);
    }

    /// <summary>A bar of <see cref="BarWidth"/> cells: moved, in flight, given up, then what is left.</summary>
    public static string Bar(NodeProgress node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var movable = Math.Max(node.Total - node.Skipped, 0);
        if (movable == 0)
        {
            return $"[green]{new string('█', BarWidth)}[/]";
        }

        var moved = Cells(node.Moved, movable);
        var inFlight = Math.Min(Cells(node.InFlight, movable), BarWidth - moved);
        var givenUp = Math.Min(Cells(node.GivenUp, movable), BarWidth - moved - inFlight);
        var left = BarWidth - moved - inFlight - givenUp;
        return $"[green]{new string('█', moved)}[/][yellow]{new string('▒', inFlight)}[/][red]{new string('█', givenUp)}[/][grey]{new string('░', left)}[/]";
    }

    private static int Cells(int count, int of) => (int)Math.Round((double)Math.Clamp(count, 0, of) * BarWidth / of, MidpointRounding.AwayFromZero);

    private static void AddRows(Table table, IEnumerable<NodeProgress> nodes)
    {
        foreach (var node in nodes)
        {
            AddRow(table, node, bold: false);
        }
    }

    private static void AddRow(Table table, NodeProgress node, bool bold)
    {
        var style = bold ? new Style(decoration: Decoration.Bold) : Style.Plain;
        var movable = node.Total - node.Skipped;
        table.AddRow(
            new Text(TerminalText.Escape(node.Node) ?? string.Empty, style),
            new Markup(Bar(node)),
            new Text(string.Create(CultureInfo.InvariantCulture, $"{node.Moved}/{movable} {(int)Math.Floor(ProgressDigest.Done(node) * 100)}%"), style),
            new Text(node.InFlight.ToString(CultureInfo.InvariantCulture), style),
            new Text(node.FailedAttempts.ToString(CultureInfo.InvariantCulture), node.FailedAttempts > 0 ? new Style(Color.Red, decoration: style.Decoration) : style),
            new Text(node.GivenUp.ToString(CultureInfo.InvariantCulture), node.GivenUp > 0 ? new Style(Color.Red, decoration: style.Decoration) : style));
    }

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{Math.Max(0, (int)Math.Round(span.TotalSeconds))}s";
}
