using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Audit;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.Application.Audit;

/// <summary>
/// The ledger's use cases: verify the journal's hash chains (of one drain, or all of them) against their heads, their
/// stored anchors and optionally an exported anchors file, and export the anchors for an auditor to keep.
/// </summary>
public sealed class AuditApplication(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private AuditStore Store => new(dataSource);

    /// <summary>
    /// Verifies the chain of drain <paramref name="idOrName"/>, or every chain when it is null; <paramref name="exported"/>
    /// adds the anchors an auditor kept (an exported anchor of a chain that is gone entirely is a finding too).
    /// </summary>
    public async Task<AuditReport> VerifyAsync(string? idOrName, AnchorExport? exported, CancellationToken cancellationToken)
    {
        var kept = exported?.ToAnchors().ToList() ?? [];
        IReadOnlyList<ChainKey> chains = idOrName is null
            ? [.. (await Store.ListChainsAsync(cancellationToken)).Union(kept.Select(a => a.Chain))]
            : [ChainKey.OfDrain(await FindDrainAsync(idOrName, cancellationToken))];
        var verdicts = new List<ChainAuditView>(chains.Count);
        foreach (var chain in chains)
        {
            verdicts.Add(ChainAuditView.Of(await Store.VerifyAsync(chain, kept, cancellationToken)));
        }

        return new AuditReport(verdicts.TrueForAll(v => v.Intact), verdicts);
    }

    /// <summary>The anchors of drain <paramref name="idOrName"/>, or of every chain when it is null, to keep outside the database.</summary>
    public async Task<AnchorExport> AnchorsAsync(string? idOrName, CancellationToken cancellationToken)
    {
        var chain = idOrName is null ? null : ChainKey.OfDrain(await FindDrainAsync(idOrName, cancellationToken));
        var anchors = await Store.ReadAnchorsAsync(chain, cancellationToken);
        return new AnchorExport(AnchorExport.CurrentFormat, timeProvider.GetUtcNow(), [.. anchors.Select(AnchorView.Of)]);
    }

    private async Task<Guid> FindDrainAsync(string idOrName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            throw new DrainNotFoundException(idOrName);
        }

        var drain = await new DrainStore(dataSource, timeProvider).FindAsync(idOrName, cancellationToken);
        return drain?.Id ?? throw new DrainNotFoundException(idOrName);
    }
}
