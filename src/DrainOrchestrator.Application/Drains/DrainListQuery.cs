namespace DrainOrchestrator.Application.Drains;

/// <summary>Which drains to list, newest first.</summary>
/// <param name="State">Only drains in this state.</param>
/// <param name="Node">Only drains of this node.</param>
/// <param name="ActiveOnly">Only unfinished drains.</param>
/// <param name="Limit">At most this many (1 to 500).</param>
/// <param name="After">The page token of the previous page's last drain; null for the first page.</param>
public sealed record DrainListQuery(DrainStatus? State = null, string? Node = null, bool ActiveOnly = false, int Limit = 50, string? After = null);
