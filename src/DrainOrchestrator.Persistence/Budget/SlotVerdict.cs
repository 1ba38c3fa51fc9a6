namespace DrainOrchestrator.Persistence.Budget;

/// <summary>The budget's answer to a <see cref="SlotRequest"/>, with the numbers it was decided on (before the start).</summary>
/// <param name="Refusal">Why it was refused; <see cref="SlotRefusal.None"/> when granted.</param>
/// <param name="InFlight">Migrations in flight in the cluster: every drain's and foreign.</param>
/// <param name="ClusterLimit">The cluster limit applied.</param>
/// <param name="NodeOutbound">Migrations in flight out of the source node: every drain's and foreign.</param>
/// <param name="NodeLimit">The per-node limit applied.</param>
/// <param name="Held">The slots the asking drain holds.</param>
/// <param name="Share">The asking drain's fair share.</param>
/// <param name="Foreign">Foreign migrations in flight.</param>
public sealed record SlotVerdict(
    SlotRefusal Refusal,
    int InFlight,
    int ClusterLimit,
    int NodeOutbound,
    int NodeLimit,
    int Held,
    int Share,
    int Foreign)
{
    /// <summary>Whether the slot was granted.</summary>
    public bool Granted => Refusal == SlotRefusal.None;
}
