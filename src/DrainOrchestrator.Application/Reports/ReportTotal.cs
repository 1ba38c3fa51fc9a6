namespace DrainOrchestrator.Application.Reports;

/// <summary>The migration attempts of one node, namespace or outcome.</summary>
/// <param name="Key">The node, namespace or outcome.</param>
/// <param name="Attempts">Every attempt.</param>
/// <param name="Succeeded">Those that moved their VM.</param>
/// <param name="Failed">Those that failed, were aborted or were lost.</param>
/// <param name="PostCopy">Those that switched to post-copy.</param>
public sealed record ReportTotal(string Key, int Attempts, int Succeeded, int Failed, int PostCopy);
