using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// Pod writes: only the simulated KubeVirt creates, binds and removes virt-launcher pods. Clients may change metadata;
/// creating, deleting (evicting) a pod or changing its spec is refused, saying what to do instead.
/// </summary>
internal static class PodWrites
{
    public static AdmissionResult Admit(AdmissionRequest request)
    {
        var name = ObjectDiff.Name(request.Object);
        return request.Operation switch
        {
            AdmissionOperation.Create => AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, "create",
                "only virt-launcher pods exist, created by the simulated KubeVirt for its VMIs")),
            AdmissionOperation.Delete => AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, "delete",
                "deleting or evicting a virt-launcher pod is not modelled: migrate its VMI with a VirtualMachineInstanceMigration, or delete the VMI")),
            _ when ObjectDiff.Changed(request.OldObject?.ToJsonObject(), request.Object, "spec") =>
                AdmissionResult.Deny(ModelDenials.FieldNotModelled(request.Type, name, "spec", "a pod's spec is written by the simulated scheduler")),
            _ => AdmissionResult.Allow,
        };
    }
}
