namespace DrainOrchestrator.Persistence.Fencing;

/// <summary>
/// A change of rows that a fenced write makes in the same statement as its journal events: one data-modifying common
/// table expression. <see cref="Sql"/> must contain <see cref="Fence"/> in its condition, where the statement puts the
/// lease check, so the change happens only when the events are appended (all or nothing, in one statement).
/// </summary>
/// <param name="Sql">An INSERT, UPDATE or DELETE whose parameters are named with <see cref="Prefix"/> (unique per change).</param>
/// <param name="Prefix">The prefix of this change's parameter names, e.g. <c>obs_</c>.</param>
/// <param name="Parameters">The parameters, by their full names (prefix included).</param>
/// <param name="Returning">A bigint expression over the changed rows to return (e.g. <c>id</c>), or null.</param>
public sealed record FencedChange(string Sql, string Prefix, IReadOnlyDictionary<string, object?> Parameters, string? Returning = null)
{
    /// <summary>The token in <see cref="Sql"/> that becomes the lease check (<c>EXISTS (SELECT 1 FROM fence)</c>).</summary>
    public const string Fence = "{fence}";
}
