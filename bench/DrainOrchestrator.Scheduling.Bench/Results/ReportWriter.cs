using DrainOrchestrator.Scheduling.Bench.Charts;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>Writes the JSON, the markdown summary, the README's table and the charts into one folder.</summary>
internal static class ReportWriter
{
    public static void Write(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var prefix = report.Prefix;
        File.WriteAllText(Path.Combine(directory, prefix + ".json"), JsonReport.Cases(report) + "\n");
        File.WriteAllText(Path.Combine(directory, prefix + "-makespan.svg"), MakespanChart.Render(report.Cases));
        foreach (var (scenario, runs) in report.TimelineRuns())
        {
            File.WriteAllText(Path.Combine(directory, $"{prefix}-timeline-{scenario}.json"), JsonReport.Migrations(runs) + "\n");
            File.WriteAllText(Path.Combine(directory, $"{prefix}-timeline-{scenario}.svg"),
                TimelineChart.Render($"Scenario ({scenario}): migrations per source node over time", runs));
        }

        File.WriteAllText(Path.Combine(directory, report.Quick ? "summary-quick.md" : "summary.md"), SummaryWriter.Render(report, directory));
        File.WriteAllText(Path.Combine(directory, report.Quick ? "readme-table-quick.md" : "readme-table.md"),
            ReadmeTable.Render(report, directory, TimeProvider.System.GetUtcNow()));
    }
}
