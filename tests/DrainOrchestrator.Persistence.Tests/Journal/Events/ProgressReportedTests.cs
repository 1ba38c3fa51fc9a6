using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Tests.Journal.Events;

/// <summary><see cref="ProgressReported.Over"/>: how a follower keeps every node from progress that holds only what changed.</summary>
public sealed class ProgressReportedTests
{
    private static NodeProgress Node(string name, int moved) => new(name, 4, moved, 4 - moved, 0, 0, 0, 0, 0);

    [Fact]
    public void Over_Changes_ReplaceTheirNodesInPlaceAndAddNewOnesAtTheEnd()
    {
        IReadOnlyList<NodeProgress> held = [Node("w3", 0), Node("w1", 0), Node("w2", 0)];

        var merged = new ProgressReported([Node("w1", 2), Node("w9", 1)], false, 10, Changes: true).Over(held);

        Assert.Equal([Node("w3", 0), Node("w1", 2), Node("w2", 0), Node("w9", 1)], merged);
        Assert.Equal([Node("w3", 0), Node("w1", 0), Node("w2", 0)], held);
    }

    [Fact]
    public void Over_EveryNode_ReplacesWhatWasHeld()
    {
        IReadOnlyList<NodeProgress> held = [Node("w1", 3), Node("w2", 1)];

        var merged = new ProgressReported([Node("w1", 0)], false, null).Over(held);

        Assert.Equal([Node("w1", 0)], merged);
    }
}
