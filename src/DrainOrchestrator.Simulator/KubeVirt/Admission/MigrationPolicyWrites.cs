using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.KubeVirt.Parsing;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// MigrationPolicies: created, replaced and deleted in the model as in the store. Migrations already handed off keep
/// the options they were given; later ones resolve against the new set.
/// </summary>
internal static class MigrationPolicyWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var name = ObjectDiff.Name(request.Object);
        if (request.Operation == AdmissionOperation.Delete)
        {
            if (!request.Options.DryRun)
            {
                model.Now().DeleteMigrationPolicy(name);
            }

            return AdmissionResult.Allow;
        }

        if (request.Operation == AdmissionOperation.Create && request.Store.Get(request.Type, null, name) is not null)
        {
            return AdmissionResult.Allow; // the store answers AlreadyExists; the model keeps the stored one
        }

        if (request.Operation == AdmissionOperation.Update && !ObjectDiff.Changed(request.OldObject?.ToJsonObject(), request.Object, "spec"))
        {
            return AdmissionResult.Allow;
        }

        var wire = WireJson.FromObject(request.Object, KubernetesJsonContext.Default.MigrationPolicy);
        var (policy, problems) = MigrationPolicyParser.Parse(wire);
        if (problems.Count > 0)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name, problems));
        }

        if (!request.Options.DryRun)
        {
            model.Now().UpsertMigrationPolicy(policy);
        }

        return AdmissionResult.Allow;
    }
}
