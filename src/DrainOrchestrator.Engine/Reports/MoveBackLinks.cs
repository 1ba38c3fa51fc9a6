using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.Engine.Reports;

/// <summary>
/// Links a report's outbound and return migrations: a move-back's report names the drain it returns and, per VMI uid,
/// that drain's successful attempt (a live migration keeps the VMI's uid); a drain's report names its move-backs.
/// </summary>
internal static class MoveBackLinks
{
    public static async Task<(MoveBackLink? Returns, IReadOnlyDictionary<string, OutboundAttempt> Outbound, IReadOnlyList<MoveBackLink> MovedBackBy)> ReadAsync(
        NpgsqlDataSource dataSource, DrainRecord drain, CancellationToken cancellationToken)
    {
        var drains = new DrainStore(dataSource, TimeProvider.System);
        var movedBackBy = (await drains.MoveBacksOfAsync(drain.Id, cancellationToken)).Select(Link).ToList();
        if (drain.ReturnsDrain is not { } returnedId || await drains.FindAsync(returnedId.ToString("D"), cancellationToken) is not { } returned)
        {
            return (null, new Dictionary<string, OutboundAttempt>(), movedBackBy);
        }

        var outbound = (await new AttemptStore(dataSource, TimeProvider.System).ListForReportAsync(returnedId, cancellationToken))
            .Where(a => a.Outcome == AttemptOutcome.Succeeded && !a.IsRestart)
            .GroupBy(a => a.VmiUid, StringComparer.Ordinal)
            .Select(g => g.MaxBy(a => a.Attempt)!)
            .ToDictionary(a => a.VmiUid, a => new OutboundAttempt(a.Id, a.VmimName, a.SourceNode, a.TargetNode), StringComparer.Ordinal);
        return (Link(returned), outbound, movedBackBy);
    }

    private static MoveBackLink Link(DrainRecord d) => new(d.Id, d.Name, d.State.ToDatabase());
}
