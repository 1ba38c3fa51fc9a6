using System.Collections;
using DrainOrchestrator.Engine.Budget;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Budget;

/// <summary>
/// <see cref="ClusterLoad.Of"/> on a <see cref="ClusterCache"/>'s state reads the cache's indexes of unfinished VMIMs and
/// of our ended ones, not every VMIM ever seen, and answers as a walk over all of them would.
/// </summary>
public sealed class ClusterLoadIndexTests
{
    private const string Us = "drain-a";

    [Fact]
    public void Of_RandomChangeSequence_AnswersAsAWalkOverEveryVmim()
    {
        var cache = new ClusterCache();
        var changes = new RandomClusterChanges(21);
        changes.Seed(cache);
        var names = Enumerable.Range(0, 12).Select(i => "mig-" + i).Append("just-ended").Append("never-seen").ToList();
        for (var step = 0; step < 400; step++)
        {
            changes.Step(cache);
            var state = cache.Current;
            var load = ClusterLoad.Of(state, SnapshotMapper.Map(state), Us, ["just-ended"]);
            var expected = Walk(state.Migrations.ToList(), ["just-ended"]);

            Assert.Equal(expected.Foreign, load.Foreign.Total);
            Assert.Equal(expected.Others, load.OtherDrainsInFlight);
            Assert.Equal(expected.Ended.Order(StringComparer.Ordinal), load.Ended.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Ended.Count, load.Ended.Count);
            foreach (var name in names)
            {
                Assert.Equal(expected.Ended.Contains(name), load.Ended.Contains(name));
            }

            // The same state without the cache's index (built from its lists) agrees.
            var listed = ClusterLoad.Of(state with { }, SnapshotMapper.Map(state), Us, ["just-ended"]);
            Assert.Equal((load.Foreign.Total, load.OtherDrainsInFlight), (listed.Foreign.Total, listed.OtherDrainsInFlight));
            Assert.True(listed.Ended.SetEquals(load.Ended));
        }
    }

    [Fact]
    public void Of_CacheState_NeverEnumeratesTheListOfEveryVmim()
    {
        var cache = new ClusterCache();
        cache.Upsert(Vmim("vms", "ours-running", "Running", Us));
        cache.Upsert(Vmim("vms", "theirs-running", "Running", "drain-b"));
        cache.Upsert(Vmim("vms", "foreign-pending", "Pending", null));
        for (var i = 0; i < 50; i++)
        {
            cache.Upsert(Vmim("vms", "ours-done-" + i, i % 2 == 0 ? "Succeeded" : "Failed", Us));
            cache.Upsert(Vmim("vms", "foreign-done-" + i, "Succeeded", null));
        }

        var current = cache.Current;
        var state = current with { Migrations = new UnreadableList(), Index = current.Index };

        var load = ClusterLoad.Of(state, SnapshotMapper.Map(current), Us, []);

        Assert.Equal((1, 1), (load.Foreign.Total, load.OtherDrainsInFlight));
        Assert.True(load.Ended.Contains("ours-done-7"));
        Assert.False(load.Ended.Contains("foreign-done-7"));
        Assert.False(load.Ended.Contains("ours-running"));
    }

    [Fact]
    public void Of_VmimEndsThenGoes_EndedWhileSeenAndANameInTwoNamespacesUntilBothGo()
    {
        var cache = new ClusterCache();
        cache.Upsert(Vmim("ns-1", "same", "Running", Us));
        cache.Upsert(Vmim("ns-2", "same", "Running", "drain-b"));
        Assert.False(LoadOf(cache).Ended.Contains("same"));
        Assert.Equal(1, LoadOf(cache).OtherDrainsInFlight);

        cache.Upsert(Vmim("ns-1", "same", "Succeeded", Us));
        cache.Upsert(Vmim("ns-2", "same", "Failed", "drain-b"));
        Assert.True(LoadOf(cache).Ended.Contains("same"));
        Assert.Equal(0, LoadOf(cache).OtherDrainsInFlight);

        cache.Remove<VirtualMachineInstanceMigration>("ns-1/same");
        Assert.True(LoadOf(cache).Ended.Contains("same"));

        cache.Remove<VirtualMachineInstanceMigration>("ns-2/same");
        Assert.False(LoadOf(cache).Ended.Contains("same"));
        Assert.Empty(LoadOf(cache).Ended);
    }

    [Fact]
    public void Of_ListReplaced_IndexesFollowTheNewList()
    {
        var cache = new ClusterCache();
        cache.Upsert(Vmim("vms", "old-done", "Succeeded", Us));
        cache.Upsert(Vmim("vms", "old-foreign", "Running", null));

        cache.Replace([Vmim("vms", "new-done", "Failed", Us), Vmim("vms", "new-foreign", "Scheduling", null)]);
        var load = LoadOf(cache);

        Assert.Equal(["new-done"], load.Ended.Order(StringComparer.Ordinal));
        Assert.Equal(1, load.Foreign.Total);
    }

    private static ClusterLoad LoadOf(ClusterCache cache)
    {
        var state = cache.Current;
        return ClusterLoad.Of(state, SnapshotMapper.Map(state), Us, []);
    }

    // The definition, as a walk over every VMIM: foreign and other drains' unfinished ones counted, ours ended by name.
    private static (int Foreign, int Others, HashSet<string> Ended) Walk(IReadOnlyList<VirtualMachineInstanceMigration> all, string[] justEnded)
    {
        var ended = new HashSet<string>(justEnded, StringComparer.Ordinal);
        var (foreign, others) = (0, 0);
        foreach (var vmim in all)
        {
            var finished = vmim.Status?.Phase is "Succeeded" or "Failed";
            var owner = vmim.Metadata.Labels?.GetValueOrDefault(NodeLeaseNames.DrainLabel);
            if (owner is not null && finished)
            {
                ended.Add(vmim.Metadata.Name!);
            }
            else if (owner is not null && owner != Us)
            {
                others++;
            }
            else if (owner is null && !finished)
            {
                foreign++;
            }
        }

        return (foreign, others, ended);
    }

    private static VirtualMachineInstanceMigration Vmim(string @namespace, string name, string phase, string? drain) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = @namespace,
            Uid = @namespace + "-" + name,
            Labels = drain is null ? null : new() { [NodeLeaseNames.DrainLabel] = drain },
        },
        Spec = new VirtualMachineInstanceMigrationSpec { VmiName = "vm-" + name },
        Status = new VirtualMachineInstanceMigrationStatus { Phase = phase },
    };

    // Stands for ClusterState.Migrations: any read of it fails the test.
    private sealed class UnreadableList : IReadOnlyList<VirtualMachineInstanceMigration>
    {
        public int Count => throw new InvalidOperationException("ClusterLoad.Of read the list of every VMIM");

        public VirtualMachineInstanceMigration this[int index] => throw new InvalidOperationException("ClusterLoad.Of read the list of every VMIM");

        public IEnumerator<VirtualMachineInstanceMigration> GetEnumerator() => throw new InvalidOperationException("ClusterLoad.Of read the list of every VMIM");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
