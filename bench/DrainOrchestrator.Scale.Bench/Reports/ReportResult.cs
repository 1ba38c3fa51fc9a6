using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Reports;

/// <summary>The report measurement: the data, reading it, and drainctl's report in each format.</summary>
/// <param name="Database">Where the data was (no credentials).</param>
/// <param name="Data">What the database held.</param>
/// <param name="LoadSeconds">Time to COPY it in (not part of the report).</param>
/// <param name="Read">DrainReportReader.ReadAsync alone: milliseconds.</param>
/// <param name="ReadAllocatedMegabytes">Bytes allocated by one read, in MiB.</param>
/// <param name="ReadParts">The reader's queries timed one by one.</param>
/// <param name="Formats">drainctl report per format.</param>
/// <param name="Load">The machine's load while measuring.</param>
internal sealed record ReportResult(
    string Database, ReportDatasetShape Data, double LoadSeconds, Samples Read, double ReadAllocatedMegabytes,
    IReadOnlyList<ReportReadPart> ReadParts, IReadOnlyList<ReportFormatResult> Formats, MachineLoad Load);

/// <summary>One query of the reader: what it returned and how long it took.</summary>
internal sealed record ReportReadPart(string Part, int Rows, Samples Milliseconds);

/// <summary>
/// <c>drainctl report DRAIN --format F</c>, run in-process against the database (open, schema check, lookup, read,
/// write) into a counting null stream through a synchronized, auto-flushing writer, as Console.Out is.
/// </summary>
/// <param name="Format">table, json, csv or html.</param>
/// <param name="Milliseconds">The whole command.</param>
/// <param name="WriteMilliseconds">The command's median minus the read's median: opening, lookup and writing.</param>
/// <param name="AllocatedMegabytes">Bytes allocated by one run, in MiB.</param>
/// <param name="OutputBytes">Bytes of output.</param>
/// <param name="ExitCode">drainctl's exit code.</param>
internal sealed record ReportFormatResult(
    string Format, Samples Milliseconds, double WriteMilliseconds, double AllocatedMegabytes, long OutputBytes, int ExitCode)
{
    /// <summary>The bench process's highest working set during a run (it holds the bench's own state too), in MiB.</summary>
    public double PeakWorkingSetMegabytes { get; init; }

    /// <summary>The highest rise of the working set over its level before the run (after a full collection), in MiB: the report's own memory.</summary>
    public double PeakRiseMegabytes { get; init; }

    /// <summary>The largest managed heap during a run, in MiB.</summary>
    public double PeakHeapMegabytes { get; init; }

    /// <summary>drainctl run as its own process, as an operator runs it: its wall time (start-up included), in ms.</summary>
    public double ProcessMilliseconds { get; init; }

    /// <summary>That process's peak resident set (VmHWM), in MiB: the report's whole memory, runtime included.</summary>
    public double ProcessPeakResidentMegabytes { get; init; }
}
