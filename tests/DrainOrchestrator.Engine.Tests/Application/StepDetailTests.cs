using DrainOrchestrator.Application.Workflows;

namespace DrainOrchestrator.Engine.Tests.Application;

public sealed class StepDetailTests
{
    [Fact]
    public void Nodes_AsTheStepRecordedThem_OrNullWhenItRecordedNone()
    {
        Assert.Equal(["a", "b"], StepDetail.Nodes(new StepDetail().Add("nodes", ["a", "b"]).Add("drain", "d1").ToJson()));
        Assert.Null(StepDetail.Nodes(new StepDetail().Add("drain", "d1").ToJson()));
    }
}
