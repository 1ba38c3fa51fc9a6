using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

public sealed class RoundTripTests
{
    public static TheoryData<string> SampleFiles() =>
    [
        "node.json", "namespace.json", "pod.json", "virtualmachine.json", "virtualmachineinstance.json",
        "virtualmachineinstancemigration.json", "migrationpolicy.json", "kubevirt.json", "lease.json", "status.json",
    ];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Serialize_AfterDeserialize_ReproducesEveryField(string file)
    {
        var json = Samples.Read(file);

        var written = file switch
        {
            "node.json" => RoundTrip(json, KubernetesJsonContext.Default.Node),
            "namespace.json" => RoundTrip(json, KubernetesJsonContext.Default.Namespace),
            "pod.json" => RoundTrip(json, KubernetesJsonContext.Default.Pod),
            "virtualmachine.json" => RoundTrip(json, KubernetesJsonContext.Default.VirtualMachine),
            "virtualmachineinstance.json" => RoundTrip(json, KubernetesJsonContext.Default.VirtualMachineInstance),
            "virtualmachineinstancemigration.json" => RoundTrip(json, KubernetesJsonContext.Default.VirtualMachineInstanceMigration),
            "migrationpolicy.json" => RoundTrip(json, KubernetesJsonContext.Default.MigrationPolicy),
            "kubevirt.json" => RoundTrip(json, KubernetesJsonContext.Default.KubeVirt),
            "lease.json" => RoundTrip(json, KubernetesJsonContext.Default.Lease),
            "status.json" => RoundTrip(json, KubernetesJsonContext.Default.Status),
            _ => throw new ArgumentOutOfRangeException(nameof(file)),
        };

        JsonAssert.Equivalent(json, written);
    }

    [Fact]
    public void Deserialize_UnknownFields_ArePreservedOnWrite()
    {
        const string json = """
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","futureMeta":{"a":[1,2]}},
             "spec":{"unschedulable":false,"newSpecField":"x"},"topLevelFuture":42}
            """;

        var node = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Node)!;
        node.Spec!.Unschedulable = true;
        var written = JsonSerializer.Serialize(node, KubernetesJsonContext.Default.Node);

        JsonAssert.Equivalent("""
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","futureMeta":{"a":[1,2]}},
             "spec":{"unschedulable":true,"newSpecField":"x"},"topLevelFuture":42}
            """, written);
    }

    [Fact]
    public void Serialize_NewObject_OmitsNullsAndStampsTypeFirst()
    {
        var migration = new VirtualMachineInstanceMigration
        {
            Metadata = new ObjectMeta { Name = "m1", Namespace = "ns" },
            Spec = new VirtualMachineInstanceMigrationSpec { VmiName = "vm1" },
        };

        var written = JsonSerializer.Serialize(migration, KubernetesJsonContext.Default.VirtualMachineInstanceMigration);

        Assert.Equal(
            """{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstanceMigration","metadata":{"name":"m1","namespace":"ns"},"spec":{"vmiName":"vm1"}}""",
            written);
    }

    [Fact]
    public void Serialize_Timestamps_WritesRfc3339Utc()
    {
        var lease = new Lease
        {
            Metadata = new ObjectMeta { Name = "l", CreationTimestamp = new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.FromHours(2)) },
            Spec = new LeaseSpec { RenewTime = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560) },
        };

        var written = JsonSerializer.Serialize(lease, KubernetesJsonContext.Default.Lease);

        Assert.Contains("\"creationTimestamp\":\"2026-03-01T10:00:05Z\"", written, StringComparison.Ordinal);
        Assert.Contains("\"renewTime\":\"2026-03-01T10:00:00.123456Z\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NanosecondTimestamp_TruncatesToTicks()
    {
        const string json = """{"metadata":{"creationTimestamp":"2026-03-01T10:00:00.123456789+01:00"}}""";

        var pod = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Pod)!;

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567), pod.Metadata.CreationTimestamp);
    }

    [Fact]
    public void Deserialize_List_ReadsItemsAndContinueToken()
    {
        const string json = """
            {"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstanceList",
             "metadata":{"resourceVersion":"500","continue":"eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ","remainingItemCount":7},
             "items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]}
            """;

        var list = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.KubernetesListVirtualMachineInstance)!;

        Assert.Equal(["a", "b"], list.Items.Select(i => i.Metadata.Name));
        Assert.Equal("500", list.Metadata.ResourceVersion);
        Assert.Equal("eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ", list.Metadata.Continue);
        Assert.Equal(7, list.Metadata.RemainingItemCount);
    }

    [Fact]
    public void Deserialize_WatchEvents_ReadsTypeObjectAndErrorStatus()
    {
        var modified = JsonSerializer.Deserialize(
            """{"type":"MODIFIED","object":{"kind":"VirtualMachineInstanceMigration","metadata":{"name":"m"},"spec":{"vmiName":"v"},"status":{"phase":"Running"}}}""",
            KubernetesJsonContext.Default.WatchEventVirtualMachineInstanceMigration)!;
        var error = JsonSerializer.Deserialize(
            """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}""",
            KubernetesJsonContext.Default.WatchEventStatus)!;

        Assert.Equal(WatchEventTypes.Modified, modified.Type);
        Assert.Equal("Running", modified.Object!.Status!.Phase);
        Assert.Equal(WatchEventTypes.Error, error.Type);
        Assert.Equal(410, error.Object!.Code);
        Assert.Equal("Expired", error.Object.Reason);
    }

    private static string RoundTrip<T>(string json, JsonTypeInfo<T> typeInfo)
        => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);
}
