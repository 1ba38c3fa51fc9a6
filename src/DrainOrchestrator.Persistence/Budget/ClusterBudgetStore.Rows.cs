namespace DrainOrchestrator.Persistence.Budget;

/// <summary>Row mapping of the budget's reads.</summary>
public sealed partial class ClusterBudgetStore
{
    /// <summary>A slot held: one unfinished migration attempt of a drain of the cluster (one that ended, too: see <see cref="BudgetLedger"/>).</summary>
    internal sealed record HeldSlotRow(Guid DrainId, string DrainName, DateTime DrainCreatedAt, string VmimName, string SourceNode,
        string VmiNamespace, string VmiName, bool DrainFinished);

    /// <summary>A restart in flight (the shutdown policy): one unfinished restart attempt of a drain of the cluster.</summary>
    internal sealed record RestartRow(string VmimName, string VmiNamespace, string VmiName);

    /// <summary>A drain's published demand.</summary>
    internal sealed record DemandRow(Guid DrainId, string DrainName, DateTime DrainCreatedAt, int Wanted, int ForeignInFlight,
        int ClusterLimit, DateTime RefreshedAt, DateTime? LastGrantedAt);

    /// <summary>The asking drain itself, which may hold nothing and have published nothing yet.</summary>
    internal sealed record DrainRow(Guid DrainId, string DrainName, DateTime DrainCreatedAt);
}
