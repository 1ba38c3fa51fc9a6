using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// VMI writes: label changes reach the model (MigrationPolicy selection follows them; <c>kubevirt.io/nodeName</c> stays
/// the model's); a delete stops the guest as KubeVirt would, and its VM's run strategy decides whether it starts again.
/// VMIs come from the scenario's VMs: creating one, or changing its spec, is refused.
/// </summary>
internal static class VmiWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var obj = request.Object;
        var name = ObjectDiff.Name(obj);
        var ns = ObjectDiff.Namespace(obj);
        switch (request.Operation)
        {
            case AdmissionOperation.Create:
                return AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, "create",
                    "VirtualMachineInstances are started by the simulated KubeVirt for the scenario's VMs; add a VM to the scenario file"));
            case AdmissionOperation.Delete:
                if (!request.Options.DryRun)
                {
                    model.Now().InjectFault(new VmiDeletionFault(ns, name, WhileMigrating: false));
                }

                return AdmissionResult.Allow;
        }

        var old = request.OldObject!.ToJsonObject();
        if (ObjectDiff.Changed(old, obj, "spec"))
        {
            return AdmissionResult.Deny(ModelDenials.FieldNotModelled(request.Type, name, "spec",
                "a VMI's spec comes from its VM in the scenario"));
        }

        if (ObjectDiff.Changed(old, obj, "metadata", "labels") && !request.Options.DryRun)
        {
            var labels = ObjectDiff.Labels(obj);
            labels.Remove(KubeVirtNames.NodeNameLabel);
            model.Now().SetVmiLabels(ns, name, labels);
        }

        return AdmissionResult.Allow;
    }
}
