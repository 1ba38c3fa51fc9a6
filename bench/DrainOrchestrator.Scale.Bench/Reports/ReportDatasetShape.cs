namespace DrainOrchestrator.Scale.Bench.Reports;

/// <summary>What the report measurement's database holds.</summary>
/// <param name="Drain">The drain's name.</param>
/// <param name="Attempts">Migration attempt rows.</param>
/// <param name="Vmis">VMs with at least one attempt.</param>
/// <param name="Skipped">VMs the plan skipped (listed as not moved).</param>
/// <param name="Waves">Wave rows.</param>
/// <param name="JournalEntries">Journal rows of the drain.</param>
internal sealed record ReportDatasetShape(string Drain, int Attempts, int Vmis, int Skipped, int Waves, int JournalEntries);
