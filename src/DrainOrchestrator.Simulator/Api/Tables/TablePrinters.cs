using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>Which printer a resource type uses, as kube-apiserver picks it.</summary>
internal static class TablePrinters
{
    public static TablePrinter For(ResourceType type)
    {
        if (type == BuiltInResourceTypes.Nodes)
        {
            return CoreTablePrinters.Nodes;
        }

        if (type == BuiltInResourceTypes.Pods)
        {
            return CoreTablePrinters.Pods;
        }

        if (type == BuiltInResourceTypes.Namespaces)
        {
            return CoreTablePrinters.Namespaces;
        }

        if (type == BuiltInResourceTypes.VirtualMachineInstances)
        {
            return KubeVirtTablePrinters.VirtualMachineInstances;
        }

        if (type == BuiltInResourceTypes.VirtualMachineInstanceMigrations)
        {
            return KubeVirtTablePrinters.VirtualMachineInstanceMigrations;
        }

        if (type == BuiltInResourceTypes.VirtualMachines)
        {
            return KubeVirtTablePrinters.VirtualMachines;
        }

        if (type == BuiltInResourceTypes.DataVolumes)
        {
            return CdiTablePrinters.DataVolumes;
        }

        if (type == BuiltInResourceTypes.PersistentVolumeClaims)
        {
            return CdiTablePrinters.PersistentVolumeClaims;
        }

        if (type == BuiltInResourceTypes.KubeVirts)
        {
            return KubeVirtTablePrinters.KubeVirts;
        }

        return type == BuiltInResourceTypes.MigrationPolicies ? KubeVirtTablePrinters.Plain : CoreTablePrinters.Default;
    }
}
