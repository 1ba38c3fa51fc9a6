using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Cluster;

public sealed class ClusterCacheTests
{
    [Fact]
    public void Find_RandomChangeSequence_AnswersAsALinearSearchOfTheLists()
    {
        var cache = new ClusterCache();
        var changes = new RandomClusterChanges(11);
        changes.Seed(cache);
        for (var step = 0; step < 300; step++)
        {
            changes.Step(cache);
            var state = cache.Current;
            var vmis = state.Vmis.ToList();
            foreach (var name in Enumerable.Range(0, 50).Select(i => "vm-" + i))
            {
                var byName = vmis.FirstOrDefault(v => v.Metadata.Name == name);
                var ns = byName?.Metadata.Namespace ?? "ns-0";
                Assert.Same(byName, state.FindVmi(ns, name));
                foreach (var uid in Enumerable.Range(0, 3).Select(i => name + "-" + i))
                {
                    Assert.Same(vmis.FirstOrDefault(v => v.Metadata.Uid == uid), state.FindVmi(uid));
                }
            }

            foreach (var name in Enumerable.Range(0, 10).Select(i => "node-" + i))
            {
                Assert.Same(state.Nodes.FirstOrDefault(n => n.Metadata.Name == name), state.FindNode(name));
            }

            foreach (var vmim in state.Migrations)
            {
                Assert.Same(vmim, state.FindMigration(vmim.Metadata.Namespace!, vmim.Metadata.Name!));
            }
        }
    }

    [Fact]
    public void FindVmi_StateCopiedWithOtherLists_AnswersFromTheNewLists()
    {
        var cache = new ClusterCache();
        new RandomClusterChanges(12).Seed(cache);
        var state = cache.Current;
        var vmi = state.Vmis[0];

        var copy = state with { Vmis = [] };

        Assert.Same(vmi, state.FindVmi(vmi.Metadata.Uid!));
        Assert.Null(copy.FindVmi(vmi.Metadata.Uid!));
    }

    [Fact]
    public void ChangesSince_KeysOfWhatChangedOnly_EverythingAfterAListOrBeyondTheLog()
    {
        var cache = new ClusterCache(logCapacity: 4);
        cache.Replace([Node("a"), Node("b")]);
        var through = cache.ChangesSince(-1);
        Assert.True(through.All);

        cache.Upsert(Node("a"));
        cache.Remove<Node>("b");
        var changes = cache.ChangesSince(through.Through);
        Assert.False(changes.All);
        Assert.Equal(["a", "b"], changes.Nodes.Order(StringComparer.Ordinal));
        Assert.Empty(cache.ChangesSince(changes.Through).Nodes);

        for (var i = 0; i < 6; i++)
        {
            cache.Upsert(Node("c" + i));
        }

        Assert.True(cache.ChangesSince(changes.Through).All);
        var recent = cache.ChangesSince(cache.ChangesSince(-1).Through - 1);
        Assert.Equal(["c5"], recent.Nodes);
    }

    private static Node Node(string name) => new() { Metadata = new ObjectMeta { Name = name } };
}
