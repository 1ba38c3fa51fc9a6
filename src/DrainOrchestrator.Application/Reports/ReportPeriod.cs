namespace DrainOrchestrator.Application.Reports;

/// <summary>A half-open period [<paramref name="From"/>, <paramref name="To"/>) of wave finish times, of one cluster or all.</summary>
/// <param name="From">The first instant in it.</param>
/// <param name="To">The first instant after it.</param>
/// <param name="Cluster">The cluster (its API server, as drains record it); null for every cluster.</param>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To, string? Cluster);
