using System.Globalization;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// A VM the plan can only place on a node that a later drain empties again (a rolling upgrade), so it migrates twice.
/// </summary>
/// <param name="Item">The planned VMI; its <see cref="PlannedVmi.TentativeTarget"/> is the later drain's node.</param>
/// <param name="CapacityShort">
/// True when nodes outside the later drains admit it but lack the memory once the other VMs are placed; false when
/// none of them admits it at all (taints, nodeSelector, affinity, or its memory exceeds each).
/// </param>
public sealed record DoubleMove(PlannedVmi Item, bool CapacityShort)
{
    /// <summary>Why, in words an operator can act on.</summary>
    public string Why => CapacityShort
        ? $"the nodes outside the later drains lack the memory for its {Gibibytes(Item.Vmi.MemoryBytes)} once the larger VMs are placed"
        : $"no node outside the later drains admits it (taints, nodeSelector, affinity or its {Gibibytes(Item.Vmi.MemoryBytes)} of memory)";

    /// <inheritdoc />
    public override string ToString() =>
        $"{Item.Vmi.QualifiedName} on {Item.Vmi.NodeName} will move twice: {Why}; it goes to {Item.TentativeTarget}, which a later drain empties";

    private static string Gibibytes(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB";
}
