using System.Text.Json;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Engine.Tests.Cluster;

public sealed class SnapshotCacheTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Update_RandomChangeSequences_EqualsAFullMapOfTheSameState(int seed)
    {
        var cache = new ClusterCache();
        var changes = new RandomClusterChanges(seed);
        changes.Seed(cache);
        var snapshots = new SnapshotCache();
        var random = new Random(seed);
        var through = -1L;
        var incremental = 0;
        var kept = 0;
        ClusterSnapshot? previous = null;
        for (var read = 0; read < 400; read++)
        {
            for (var i = random.Next(4); i > 0; i--)
            {
                changes.Step(cache);
            }

            var since = cache.ChangesSince(through);
            var state = cache.Current;
            var snapshot = snapshots.Update(state, since);
            through = since.Through;
            incremental += since.All ? 0 : 1;
            Assert.Equal(Canonical(SnapshotMapper.Map(state)), Canonical(snapshot));
            Assert.Equal(!snapshots.LastMoved, ReferenceEquals(previous, snapshot));
            kept += snapshots.LastMoved ? 0 : 1;
            previous = snapshot;
        }

        // Some changes mapped to what the snapshot carried already, and the read kept its instance.
        Assert.True(kept > 0, "no read kept the snapshot instance");

        // Most reads were incremental (a namespace change maps everything again).
        Assert.True(incremental > 300, $"only {incremental} of 400 reads were incremental");
    }

    [Fact]
    public void Update_NoChange_MapsNothingAgainAndKeepsTheLists()
    {
        var cache = new ClusterCache();
        new RandomClusterChanges(7).Seed(cache);
        var snapshots = new SnapshotCache();
        var first = snapshots.Update(cache.Current, cache.ChangesSince(-1));
        var second = snapshots.Update(cache.Current, cache.ChangesSince(cache.ChangesSince(-1).Through));

        Assert.Equal(0, snapshots.LastMapped);
        Assert.Same(first.Vmis, second.Vmis);
        Assert.Same(first.Nodes, second.Nodes);
    }

    [Fact]
    public void Update_ChangeOfWhatTheSnapshotDoesNotCarry_KeepsTheInstance()
    {
        var cache = new ClusterCache();
        new RandomClusterChanges(9).Seed(cache);
        var snapshots = new SnapshotCache();
        var first = snapshots.Update(cache.Current, cache.ChangesSince(-1));
        var listed = first.Vmis[0];
        var vmi = cache.Current.Vmis.Single(v => v.Metadata.Namespace == listed.Namespace && v.Metadata.Name == listed.Name);
        var through = cache.ChangesSince(-1).Through;

        // A new object with an annotation nobody reads, and a copy of every dictionary (as an informer decodes one).
        var json = JsonSerializer.Serialize(vmi);
        var heartbeat = JsonSerializer.Deserialize<Kubernetes.Models.VirtualMachineInstance>(json)!;
        heartbeat.Metadata.Annotations = new Dictionary<string, string>(heartbeat.Metadata.Annotations ?? [], StringComparer.Ordinal) { ["example.com/heartbeat"] = "1" };
        cache.Upsert(heartbeat);
        var since = cache.ChangesSince(through);
        var second = snapshots.Update(cache.Current, since);

        Assert.Single(since.Vmis);
        Assert.False(snapshots.LastMoved);
        Assert.Same(first, second);

        // A label is carried: a new snapshot, and the VMI in it has the label.
        var relabelled = JsonSerializer.Deserialize<Kubernetes.Models.VirtualMachineInstance>(json)!;
        relabelled.Metadata.Labels = new Dictionary<string, string>(relabelled.Metadata.Labels ?? [], StringComparer.Ordinal) { ["tier"] = "gold" };
        cache.Upsert(relabelled);
        var third = snapshots.Update(cache.Current, cache.ChangesSince(since.Through));

        Assert.True(snapshots.LastMoved);
        Assert.NotSame(second, third);
        Assert.Equal("gold", third.Vmis.Single(v => v.Name == vmi.Metadata.Name && v.Namespace == vmi.Metadata.Namespace).Labels["tier"]);
        Assert.Equal(Canonical(SnapshotMapper.Map(cache.Current)), Canonical(third));
    }

    [Fact]
    public void Update_WithoutAChangeLog_MapsEverythingEachTime()
    {
        var cache = new ClusterCache();
        new RandomClusterChanges(8).Seed(cache);
        var snapshots = new SnapshotCache();
        snapshots.Update(cache.Current, null);
        var again = snapshots.Update(cache.Current, null);

        Assert.Equal(cache.Current.Vmis.Count + cache.Current.Nodes.Count, snapshots.LastMapped);
        Assert.Equal(Canonical(SnapshotMapper.Map(cache.Current)), Canonical(again));
    }

    // The snapshot as JSON, with the VMIs, unfinished VMIMs and invalid hints sorted (their order is not kept).
    private static string Canonical(ClusterSnapshot snapshot) => JsonSerializer.Serialize(new
    {
        snapshot.Nodes,
        Vmis = snapshot.Vmis.OrderBy(v => v.Namespace + "/" + v.Name, StringComparer.Ordinal),
        snapshot.Config,
        snapshot.Policies,
        Migrations = snapshot.UnfinishedMigrations.OrderBy(m => m.Namespace + "/" + m.Name, StringComparer.Ordinal),
        Hints = snapshot.InvalidHints.Select(h => h.ToString()).Order(StringComparer.Ordinal),
        Budgets = snapshot.Budgets.Select(b => b.ToString()),
    });
}
