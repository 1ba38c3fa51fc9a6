namespace DrainOrchestrator.Core.Planning;

/// <summary>One VM a drain moved, as its successful attempt recorded it: what a move-back returns.</summary>
/// <param name="Uid">The VMI's uid when the drain moved it.</param>
/// <param name="Namespace">The VMI's namespace.</param>
/// <param name="Name">The VMI's name.</param>
/// <param name="Origin">The node the drain moved it off (where it returns to).</param>
/// <param name="MovedTo">The node the drain moved it to (where a move-back expects to find it).</param>
public sealed record VmReturn(string Uid, string Namespace, string Name, string Origin, string MovedTo)
{
    /// <summary><c>namespace/name</c>, for messages.</summary>
    public string QualifiedName => Namespace + "/" + Name;
}
