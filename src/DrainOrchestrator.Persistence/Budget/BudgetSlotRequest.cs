namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// One application budget a start must fit in (see <see cref="SlotRequest.Budgets"/>): every drain of the cluster
/// shares it by name.
/// </summary>
/// <param name="Name">The budget's name.</param>
/// <param name="Limit">The most members migrating at once.</param>
/// <param name="Foreign">The members the asking engine sees migrating in VMIMs no drain of ours created.</param>
/// <param name="IsMember">
/// Whether the VMI <c>(namespace, name)</c> of a slot held by any drain is a member, as the asking engine's view shows
/// it: the ledger holds few slots (at most the cluster limit), so each is asked once per reservation.
/// </param>
public sealed record BudgetSlotRequest(string Name, int Limit, int Foreign, Func<string, string, bool> IsMember)
{
    /// <summary>
    /// Whether the restarts in flight of any drain count too (an unavailability budget), and how a restarted VM's
    /// membership is tested (its next VMI may not exist yet); null when restarts do not count.
    /// </summary>
    public Func<string, string, bool>? IsRestartMember { get; init; }
}
