using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// VMIM writes as KubeVirt's webhooks and migration controller take them: a create is admitted by the model (denials
/// answer 422 with KubeVirt's message) and gets its label, finalizer and Pending status; <c>spec.priority</c> is
/// virt-controller's alone (<see cref="MigrationPriorityRule"/>); the spec cannot change; a
/// delete cancels the migration, and the object stays, terminating, until the model lets it go.
/// </summary>
internal static class VmimWrites
{
    private const string CreateWebhook = "migration-create-validator.kubevirt.io";
    private const string UpdateWebhook = "migration-update-validator.kubevirt.io";

    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model) => request.Operation switch
    {
        AdmissionOperation.Create => Create(request, model),
        AdmissionOperation.Update => ObjectDiff.Changed(request.OldObject?.ToJsonObject(), request.Object, "spec")
            ? AdmissionResult.Deny(ModelDenials.Webhook(request.Type, ObjectDiff.Name(request.Object), UpdateWebhook, "spec",
                "the spec of a VirtualMachineInstanceMigration cannot be changed once it is created"))
            : AdmissionResult.Allow,
        _ => Delete(request, model),
    };

    private static AdmissionResult Create(AdmissionRequest request, ModelGateway model)
    {
        var type = request.Type;
        var obj = request.Object;
        var vmim = Rendering.WireJson.FromObject(obj, KubernetesJsonContext.Default.VirtualMachineInstanceMigration);
        var name = vmim.Metadata.Name ?? "";
        var ns = vmim.Metadata.Namespace ?? "";
        if (string.IsNullOrEmpty(vmim.Spec.VmiName))
        {
            return AdmissionResult.Deny(ApiErrors.Invalid(type.Kind, name,
                [new ApiStatusCause("FieldValueRequired", "Required value: the name of the VMI to migrate", "spec.vmiName")], type.Group));
        }

        var decentralized = DecentralizedSpecParser.Parse(obj, out var specProblem);
        if (specProblem is not null)
        {
            return AdmissionResult.Deny(ApiErrors.Invalid(type.Kind, name,
                [new ApiStatusCause("FieldValueInvalid", specProblem.Value.Message, specProblem.Value.Field)], type.Group));
        }

        if (MigrationPriorityRule.Check(vmim.Spec.Priority, request.Options) is { } refusal)
        {
            return AdmissionResult.Deny(ModelDenials.Webhook(type, name, CreateWebhook, "spec.priority", refusal));
        }

        if (request.Store.Get(type, ns, name) is not null || request.Options.DryRun)
        {
            return AdmissionResult.Allow; // the store answers AlreadyExists; a dry run changes nothing
        }

        var uid = vmim.Metadata.Uid ?? "";
        var result = model.Now().CreateMigration(new VmimCreateRequest(ns, name, uid, vmim.Spec.VmiName, vmim.Spec.AddedNodeSelector,
            MigrationPriorities.Parse(vmim.Spec.Priority), Decentralized: decentralized));
        switch (result.Status)
        {
            case VmimCreateStatus.Rejected:
                return AdmissionResult.Deny(ModelDenials.Webhook(type, name, CreateWebhook, "spec.vmiName", result.Message ?? "denied"));
            case VmimCreateStatus.AlreadyExists:
                return AdmissionResult.Deny(ApiErrors.AlreadyExists(type.GroupResource, name, type.Group));
        }

        var metadata = obj["metadata"]!.AsObject();
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels[KubeVirtNames.VmiNameLabel] = vmim.Spec.VmiName;
        if (metadata["finalizers"] is not JsonArray finalizers)
        {
            finalizers = [];
            metadata["finalizers"] = finalizers;
        }

        if (!finalizers.Any(f => f?.GetValue<string>() == KubeVirtNames.MigrationFinalizer))
        {
            finalizers.Add(KubeVirtNames.MigrationFinalizer);
        }

        var status = model.Renderer.VmimStatus(result.Migration!, result.Migration!.CreatedAt)["status"];
        obj["status"] = status?.DeepClone();
        return AdmissionResult.Allow;
    }

    private static AdmissionResult Delete(AdmissionRequest request, ModelGateway model)
    {
        if (!request.Options.DryRun)
        {
            var obj = request.Object;
            model.Now().DeleteMigration(ObjectDiff.Namespace(obj), ObjectDiff.Name(obj));
        }

        return AdmissionResult.Allow;
    }
}
