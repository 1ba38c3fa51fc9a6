using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Metrics;

namespace DrainOrchestrator.Simulator.Tests.Metrics;

public sealed class KubeVirtMigrationMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_MixedPhases_CountsAsVirtControllerAndReportsTransfersAsVirtHandler()
    {
        var migrations = new[]
        {
            Vmim("a", "vm-a", MigrationPhase.Pending),
            Vmim("b", "vm-b", MigrationPhase.Scheduling),
            Vmim("c", "vm-c", MigrationPhase.PreparingTarget),
            Vmim("d", "vm-d", MigrationPhase.Running) with
            {
                SourceNode = "node-1", BytesTotal = 8_000, BytesProcessed = 3_000, BytesRemaining = 5_500,
                TransferRateBytesPerSecond = 1_250.4, DirtyRateBytesPerSecond = 100,
            },
            Vmim("e", "vm-e", MigrationPhase.Succeeded),
            Vmim("f", "vm-f", MigrationPhase.Failed),
        };

        var text = KubeVirtMigrationMetrics.Render(migrations, [Vmi("vm-d", "node-1"), Vmi("idle", "node-2")], [Vm("vm-d", 100), Vm("idle", 4096)]);
        var lines = text.Split('\n');

        Assert.Contains("kubevirt_vmi_migrations_in_pending_phase 1", lines);
        Assert.Contains("kubevirt_vmi_migrations_in_scheduling_phase 1", lines);
        Assert.Contains("kubevirt_vmi_migrations_in_running_phase 2", lines);
        Assert.Contains("kubevirt_vmi_migration_succeeded{vmi=\"vm-e\",vmim=\"e\",namespace=\"ns\"} 1", lines);
        Assert.Contains("kubevirt_vmi_migration_failed{vmi=\"vm-f\",vmim=\"f\",namespace=\"ns\"} 1", lines);
        const string Labels = "{node=\"node-1\",namespace=\"ns\",name=\"vm-d\"}";
        Assert.Contains($"kubevirt_vmi_migration_data_bytes_total{Labels} 8000", lines);
        Assert.Contains($"kubevirt_vmi_migration_data_processed_bytes{Labels} 3000", lines);
        Assert.Contains($"kubevirt_vmi_migration_data_remaining_bytes{Labels} 5500", lines);
        Assert.Contains($"kubevirt_vmi_migration_memory_transfer_rate_bytes{Labels} 1250", lines);
        Assert.Contains($"kubevirt_vmi_migration_dirty_memory_rate_bytes{Labels} 100", lines);
        Assert.Single(lines, l => l.StartsWith("kubevirt_vmi_migration_data_processed_bytes{", StringComparison.Ordinal));
        Assert.Contains("kubevirt_vmi_dirty_rate_bytes_per_second{node=\"node-2\",namespace=\"ns\",name=\"idle\"} 4096", lines);
        Assert.Contains("# TYPE kubevirt_vmi_migration_data_remaining_bytes gauge", lines);
    }

    [Fact]
    public void Render_NoModel_HasZeroCountsAndNoSeries()
    {
        var lines = KubeVirtMigrationMetrics.Render([], [], []).Split('\n');

        Assert.Contains("kubevirt_vmi_migrations_in_running_phase 0", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("kubevirt_vmi_migration_succeeded{", StringComparison.Ordinal));
    }

    private static VmimSnapshot Vmim(string name, string vmi, MigrationPhase phase) => new()
    {
        Namespace = "ns",
        Name = name,
        Uid = name + "-uid",
        VmiName = vmi,
        AddedNodeSelector = new Dictionary<string, string>(),
        CreatedAt = At,
        Phase = phase,
        PhaseTransitions = [],
        DeletionRequested = false,
        AbortRequested = false,
        BytesProcessed = 0,
        BytesRemaining = 0,
    };

    private static VmiSnapshot Vmi(string name, string node) => new()
    {
        Namespace = "ns",
        Name = name,
        Uid = name + "-uid",
        Labels = new Dictionary<string, string>(),
        Phase = VmiPhase.Running,
        NodeName = node,
        CreatedAt = At,
        MemoryBytes = 1024,
        NodeSelector = new Dictionary<string, string>(),
    };

    private static VirtualMachineSnapshot Vm(string name, double dirtyRate) => new()
    {
        Namespace = "ns",
        Name = name,
        Uid = name + "-vm-uid",
        Labels = new Dictionary<string, string>(),
        RunStrategy = RunStrategy.Always,
        MemoryBytes = 1024,
        DirtyRateBytesPerSecond = dirtyRate,
        WorkingSetBytes = 512,
        NodeSelector = new Dictionary<string, string>(),
        RequiredNodeAffinity = [],
        Tolerations = [],
        HasVmi = true,
    };
}
