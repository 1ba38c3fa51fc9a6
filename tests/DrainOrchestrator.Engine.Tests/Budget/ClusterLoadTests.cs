using DrainOrchestrator.Engine.Budget;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Fakes;

namespace DrainOrchestrator.Engine.Tests.Budget;

public sealed class ClusterLoadTests
{
    private const string Us = "11111111-1111-1111-1111-111111111111";
    private const string Other = "22222222-2222-2222-2222-222222222222";

    private static ClusterLoad LoadOf(FakeCluster cluster, params string[] justEnded)
    {
        var state = cluster.Current;
        return ClusterLoad.Of(state, SnapshotMapper.Map(state), Us, justEnded);
    }

    private static FakeCluster Cluster() =>
        new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3").AddVmi("a", "w1").AddVmi("b", "w2").AddVmi("c", "w3").AddVmi("d", "w3");

    private static void Add(FakeCluster cluster, string name, string vmi, string phase, string? owner = null, Dictionary<string, string>? annotations = null)
    {
        cluster.AddForeignMigration(name, vmi, annotations);
        cluster.EditMigration(name, m =>
        {
            m.Status!.Phase = phase;
            if (owner is not null)
            {
                m.Metadata.Labels = new() { [NodeLeaseNames.DrainLabel] = owner };
            }
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kubevirt.io/evacuationMigration")]
    [InlineData("kubevirt.io/workloadUpdateMigration")]
    public void Of_UnlabelledVmimRunning_ForeignOnItsSourceWhateverItsAnnotation(string? annotation)
    {
        var cluster = Cluster();
        Add(cluster, "evacuate-a", "a", "Running", annotations: annotation is null ? null : new() { [annotation] = "w1" });

        var load = LoadOf(cluster);

        Assert.Equal(1, load.Foreign.Total);
        Assert.Equal((1, 0), (load.Foreign.On("w1"), load.Foreign.On("w2")));
        Assert.Equal(0, load.OtherDrainsInFlight);
    }

    [Theory]
    [InlineData("Pending", 1)]
    [InlineData("Scheduling", 1)]
    [InlineData("Running", 1)]
    [InlineData("Succeeded", 0)]
    [InlineData("Failed", 0)]
    public void Of_ForeignVmimByPhase_HoldsASlotUntilItEnds(string phase, int expected)
    {
        var cluster = Cluster();
        Add(cluster, "kubectl-made", "b", phase);

        Assert.Equal(expected, LoadOf(cluster).Foreign.Total);
    }

    [Fact]
    public void Of_LabelledVmims_CountedAsOursNeverForeign()
    {
        var cluster = Cluster();
        Add(cluster, "ours-running", "a", "Running", owner: Us);
        Add(cluster, "theirs-running", "b", "Running", owner: Other);
        Add(cluster, "theirs-pending", "c", "Pending", owner: Other);
        Add(cluster, "ours-done", "d", "Succeeded", owner: Us);
        Add(cluster, "theirs-failed", "d", "Failed", owner: Other);

        var load = LoadOf(cluster, "ours-deleted");

        Assert.Equal(0, load.Foreign.Total);
        Assert.Equal(2, load.OtherDrainsInFlight);
        Assert.Equal(["ours-deleted", "ours-done", "theirs-failed"], load.Ended.Order(StringComparer.Ordinal));
    }
}
