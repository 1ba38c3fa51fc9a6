using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.Metrics;

/// <summary>
/// KubeVirt's migration metrics, under the names and labels of its <c>docs/observability/metrics.md</c>, computed from
/// the model's state at the moment of the scrape:
/// <list type="bullet">
/// <item>virt-controller's, from the VMIMs that exist (garbage-collected ones are gone, as in KubeVirt):
/// <c>kubevirt_vmi_migrations_in_{unset,pending,scheduling,running}_phase</c> and, per finished VMIM (labels
/// <c>vmi</c>, <c>vmim</c>, <c>namespace</c>), <c>kubevirt_vmi_migration_succeeded</c> / <c>_failed</c>;</item>
/// <item>virt-handler's, per VMI whose memory is moving (labels <c>node</c> (the source), <c>namespace</c>,
/// <c>name</c>): <c>kubevirt_vmi_migration_data_bytes_total</c>, <c>_data_processed_bytes</c>,
/// <c>_data_remaining_bytes</c>, <c>_dirty_memory_rate_bytes</c>, <c>_memory_transfer_rate_bytes</c>;</item>
/// <item>virt-handler's <c>kubevirt_vmi_dirty_rate_bytes_per_second</c> for every running VMI, migrating or not.</item>
/// </list>
/// </summary>
internal static class KubeVirtMigrationMetrics
{
    public static string Render(IReadOnlyList<VmimSnapshot> migrations, IReadOnlyList<VmiSnapshot> vmis, IReadOnlyList<VirtualMachineSnapshot> vms)
    {
        var text = new PrometheusText();
        PhaseCounts(text, migrations);
        Outcomes(text, migrations);
        Transfers(text, migrations.Where(m => m.Phase == MigrationPhase.Running && m.SourceNode is not null).ToList());
        DirtyRates(text, vmis, vms);
        return text.ToString();
    }

    private static void PhaseCounts(PrometheusText text, IReadOnlyList<VmimSnapshot> migrations)
    {
        // As virt-controller counts them: Scheduled, PreparingTarget and TargetReady count as running.
        var running = migrations.Count(m => m.Phase is MigrationPhase.Scheduled or MigrationPhase.PreparingTarget
            or MigrationPhase.TargetReady or MigrationPhase.Running);
        text.Family("kubevirt_vmi_migrations_in_unset_phase", "gauge", "Number of current unset migrations.")
            .Sample("kubevirt_vmi_migrations_in_unset_phase", 0);
        text.Family("kubevirt_vmi_migrations_in_pending_phase", "gauge", "Number of current pending migrations.")
            .Sample("kubevirt_vmi_migrations_in_pending_phase", migrations.Count(m => m.Phase == MigrationPhase.Pending));
        text.Family("kubevirt_vmi_migrations_in_scheduling_phase", "gauge", "Number of current scheduling migrations.")
            .Sample("kubevirt_vmi_migrations_in_scheduling_phase", migrations.Count(m => m.Phase == MigrationPhase.Scheduling));
        text.Family("kubevirt_vmi_migrations_in_running_phase", "gauge", "Number of current running migrations.")
            .Sample("kubevirt_vmi_migrations_in_running_phase", running);
    }

    private static void Outcomes(PrometheusText text, IReadOnlyList<VmimSnapshot> migrations)
    {
        foreach (var (phase, name, help) in new[]
        {
            (MigrationPhase.Succeeded, "kubevirt_vmi_migration_succeeded", "Indicates if the VMI migration succeeded."),
            (MigrationPhase.Failed, "kubevirt_vmi_migration_failed", "Indicates if the VMI migration failed."),
        })
        {
            text.Family(name, "gauge", help);
            foreach (var migration in migrations.Where(m => m.Phase == phase).OrderBy(m => m.Namespace, StringComparer.Ordinal)
                .ThenBy(m => m.Name, StringComparer.Ordinal))
            {
                text.Sample(name, 1, ("vmi", migration.VmiName), ("vmim", migration.Name), ("namespace", migration.Namespace));
            }
        }
    }

    private static void Transfers(PrometheusText text, IReadOnlyList<VmimSnapshot> running)
    {
        var families = new (string Name, string Type, string Help, Func<VmimSnapshot, double> Value)[]
        {
            ("kubevirt_vmi_migration_data_bytes_total", "counter", "The total Guest OS data to be migrated to the new VM.", m => m.BytesTotal),
            ("kubevirt_vmi_migration_data_processed_bytes", "gauge", "The total Guest OS data processed and migrated to the new VM.", m => m.BytesProcessed),
            ("kubevirt_vmi_migration_data_remaining_bytes", "gauge", "The remaining guest OS data to be migrated to the new VM.", m => m.BytesRemaining),
            ("kubevirt_vmi_migration_dirty_memory_rate_bytes", "gauge", "The rate of memory being dirty in the Guest OS.", m => Math.Round(m.DirtyRateBytesPerSecond)),
            ("kubevirt_vmi_migration_memory_transfer_rate_bytes", "gauge", "The rate at which the memory is being transferred.",
                m => Math.Round(m.TransferRateBytesPerSecond)),
        };
        var ordered = running.OrderBy(m => m.Namespace, StringComparer.Ordinal).ThenBy(m => m.VmiName, StringComparer.Ordinal).ToList();
        foreach (var family in families)
        {
            text.Family(family.Name, family.Type, family.Help);
            foreach (var migration in ordered)
            {
                text.Sample(family.Name, family.Value(migration),
                    ("node", migration.SourceNode!), ("namespace", migration.Namespace), ("name", migration.VmiName));
            }
        }
    }

    private static void DirtyRates(PrometheusText text, IReadOnlyList<VmiSnapshot> vmis, IReadOnlyList<VirtualMachineSnapshot> vms)
    {
        var rates = vms.ToDictionary(vm => (vm.Namespace, vm.Name), vm => vm.DirtyRateBytesPerSecond);
        text.Family("kubevirt_vmi_dirty_rate_bytes_per_second", "gauge", "Guest dirty-rate in bytes per second.");
        foreach (var vmi in vmis.Where(v => v.Phase == VmiPhase.Running && v.NodeName is not null)
            .OrderBy(v => v.Namespace, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal))
        {
            text.Sample("kubevirt_vmi_dirty_rate_bytes_per_second", Math.Round(rates.GetValueOrDefault((vmi.Namespace, vmi.Name))),
                ("node", vmi.NodeName!), ("namespace", vmi.Namespace), ("name", vmi.Name));
        }
    }
}
