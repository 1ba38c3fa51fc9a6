using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Interop;

public sealed class NodeLifecycleConditionsTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(NodeLifecycleMark.Started, "True", "False", "DrainStarted")]
    [InlineData(NodeLifecycleMark.Succeeded, "False", "True", "DrainSucceeded")]
    [InlineData(NodeLifecycleMark.Failed, "False", "False", "DrainFailed")]
    [InlineData(NodeLifecycleMark.Cancelled, "False", "False", "DrainCancelled")]
    [InlineData(NodeLifecycleMark.Uncordoned, "False", "False", "NodeUncordoned")]
    public void For_AMark_BothConditionsWithTheirStatusAndReason(NodeLifecycleMark mark, string inProgress, string drained, string reason)
    {
        var conditions = NodeLifecycleConditions.For(mark, "drain d-1", null, Now);

        Assert.Equal([("DrainInProgress", inProgress), ("Drained", drained)], conditions.Select(c => (c.Type!, c.Status!)).ToList());
        Assert.All(conditions, c => Assert.Equal((reason, "drain d-1", Now, Now), (c.Reason, c.Message, c.LastTransitionTime, c.LastHeartbeatTime)));
    }

    [Fact]
    public void For_StatusUnchanged_KeepsItsLastTransitionTime()
    {
        var node = new Node
        {
            Status = new NodeStatus
            {
                Conditions =
                [
                    new NodeCondition { Type = "DrainInProgress", Status = "True", LastTransitionTime = Earlier },
                    new NodeCondition { Type = "Drained", Status = "False", LastTransitionTime = Earlier },
                ],
            },
        };

        var again = NodeLifecycleConditions.For(NodeLifecycleMark.Started, "resumed", node, Now);
        var done = NodeLifecycleConditions.For(NodeLifecycleMark.Succeeded, "done", node, Now);

        Assert.All(again, c => Assert.Equal(Earlier, c.LastTransitionTime));
        Assert.All(done, c => Assert.Equal(Now, c.LastTransitionTime));
    }
}
