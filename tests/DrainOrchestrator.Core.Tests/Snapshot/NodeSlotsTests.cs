using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Snapshot;

/// <summary><see cref="NodeSlots"/> finds nodes by name in successive node lists, whatever their layout.</summary>
public sealed class NodeSlotsTests
{
    [Fact]
    public void Find_ListsOfTheSameLayoutAndChangedOnes_TheNamedNodeOrNone()
    {
        var slots = new NodeSlots();
        List<NodeSnapshot> first = [Make.Node("a", 64), Make.Node("b", 64), Make.Node("c", 64)];
        Assert.Same(first[1], slots.Find(first, "b"));
        Assert.Null(slots.Find(first, "z"));

        // The same layout, one node replaced: found in its slot.
        List<NodeSnapshot> second = [first[0], Make.Node("b", 128), first[2]];
        Assert.Same(second[1], slots.Find(second, "b"));

        // Reordered, one removed, one added: indexed again.
        List<NodeSnapshot> third = [Make.Node("d", 64), second[2], second[1]];
        Assert.Same(third[2], slots.Find(third, "b"));
        Assert.Same(third[0], slots.Find(third, "d"));
        Assert.Null(slots.Find(third, "a"));
        Assert.Same(third[1], slots.Find(third, "c"));
    }
}
