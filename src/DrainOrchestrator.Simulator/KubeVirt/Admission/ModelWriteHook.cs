using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// Client writes become model inputs, inside the store's write lock (so the store and the model agree on the order):
/// VMIMs, node spec and labels, the KubeVirt CR's migration configuration, MigrationPolicies, NetworkAttachmentDefinitions, VMI, VM and namespace
/// labels, conditions of clients' own types on nodes/NAME/status. What the model cannot honour is refused with a Status that says so. The simulated controllers' own writes
/// pass untouched; dry runs are checked but change nothing.
/// </summary>
internal sealed class ModelWriteHook(ModelGateway model) : IStoreWriteHook
{
    private static readonly HashSet<ResourceType> ModelOwnedStatus =
    [
        BuiltInResourceTypes.Nodes, BuiltInResourceTypes.Pods, BuiltInResourceTypes.VirtualMachines,
        BuiltInResourceTypes.VirtualMachineInstances, BuiltInResourceTypes.VirtualMachineInstanceMigrations,
        BuiltInResourceTypes.KubeVirts, BuiltInResourceTypes.DataVolumes,
    ];

    public AdmissionResult Admit(AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.Origin != WriteOrigin.Client)
        {
            return AdmissionResult.Allow;
        }

        var type = request.Type;
        var name = ObjectDiff.Name(request.Object);
        if (request.Options.Status && type == BuiltInResourceTypes.Nodes)
        {
            return NodeStatusWrites.Admit(request);
        }

        if (request.Options.Status && ModelOwnedStatus.Contains(type))
        {
            return AdmissionResult.Deny(ModelDenials.FieldNotModelled(type, name, "status",
                $"the simulated cluster writes the status of {type.GroupResource}; inject faults through /sim/v1/cluster-faults"));
        }

        try
        {
            return Dispatch(request, type);
        }
        catch (FormatException e)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(type, name, [("body", e.Message)]));
        }
    }

    private AdmissionResult Dispatch(AdmissionRequest request, ResourceType type)
    {
        if (type == BuiltInResourceTypes.VirtualMachineInstanceMigrations)
        {
            return VmimWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.Nodes)
        {
            return NodeWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.KubeVirts)
        {
            return KubeVirtWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.MigrationPolicies)
        {
            return MigrationPolicyWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.NetworkAttachmentDefinitions)
        {
            return NetworkAttachmentWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.VirtualMachineInstances)
        {
            return VmiWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.VirtualMachines)
        {
            return VirtualMachineWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.DataVolumes)
        {
            return DataVolumeWrites.Admit(request, model);
        }

        if (type == BuiltInResourceTypes.Namespaces)
        {
            return NamespaceWrites.Admit(request, model);
        }

        return type == BuiltInResourceTypes.Pods ? PodWrites.Admit(request) : AdmissionResult.Allow;
    }

}
