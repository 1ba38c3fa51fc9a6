namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>
/// KubeVirt's printer columns (the additionalPrinterColumns of its CRDs, as virt-operator installs them), served as
/// kube-apiserver serves a custom resource's: the name first, a <c>date</c> column as an age, a missing value as null.
/// </summary>
internal static class KubeVirtTablePrinters
{
    private static readonly TableColumn Age = new("Age", "date", "");

    public static TablePrinter VirtualMachineInstances { get; } = new(
        [
            TableColumn.ObjectName,
            Age,
            new TableColumn("Phase", "string", ""),
            new TableColumn("IP", "string", ""),
            new TableColumn("NodeName", "string", ""),
            new TableColumn("Ready", "string", ""),
            new TableColumn("Live-Migratable", "string", "", Priority: 1),
            new TableColumn("Paused", "string", "", Priority: 1),
        ],
        (vmi, now) =>
        [
            ObjectFields.Name(vmi),
            ObjectFields.Age(vmi, now),
            ObjectFields.Text(vmi, "status", "phase"),
            ObjectFields.Items(vmi, "status", "interfaces").FirstOrDefault() is { } nic ? ObjectFields.Text(nic, "ipAddress") : null,
            ObjectFields.Text(vmi, "status", "nodeName"),
            ObjectFields.ConditionStatus(vmi, "Ready"),
            ObjectFields.ConditionStatus(vmi, "LiveMigratable"),
            ObjectFields.ConditionStatus(vmi, "Paused"),
        ]);

    public static TablePrinter VirtualMachineInstanceMigrations { get; } = new(
        [
            TableColumn.ObjectName,
            new TableColumn("Phase", "string", "The current phase of VM instance migration"),
            new TableColumn("VMI", "string", "The name of the VMI to perform the migration on"),
        ],
        (vmim, _) =>
        [
            ObjectFields.Name(vmim),
            ObjectFields.Text(vmim, "status", "phase"),
            ObjectFields.Text(vmim, "spec", "vmiName"),
        ]);

    public static TablePrinter VirtualMachines { get; } = new(
        [
            TableColumn.ObjectName,
            Age,
            new TableColumn("Status", "string", "Human Readable Status"),
            new TableColumn("Ready", "string", ""),
        ],
        (vm, now) =>
        [
            ObjectFields.Name(vm),
            ObjectFields.Age(vm, now),
            ObjectFields.Text(vm, "status", "printableStatus"),
            ObjectFields.ConditionStatus(vm, "Ready"),
        ]);

    /// <summary>The KubeVirt CR: AGE PHASE.</summary>
    public static TablePrinter KubeVirts { get; } = new(
        [TableColumn.ObjectName, Age, new TableColumn("Phase", "string", "")],
        (kv, now) => [ObjectFields.Name(kv), ObjectFields.Age(kv, now), ObjectFields.Text(kv, "status", "phase")]);

    /// <summary>A custom resource without printer columns: NAME AGE, as for any CRD that declares none.</summary>
    public static TablePrinter Plain { get; } = new(
        [TableColumn.ObjectName, new TableColumn("Age", "date", "")],
        (obj, now) => [ObjectFields.Name(obj), ObjectFields.Age(obj, now)]);
}
