using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.KubeVirt.Parsing;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// The KubeVirt CR: <c>spec.configuration.developerConfiguration.featureGates</c> become the model's feature gates
/// (DecentralizedLiveMigration allows <c>sendTo</c>/<c>receive</c> VMIMs); an update of <c>spec.configuration.migrations</c> becomes the model's live configuration (the
/// limits apply from the next admission decision); an invalid one is refused with every problem listed. There is one
/// KubeVirt CR, created with the cluster: creating or deleting one is refused.
/// </summary>
internal static class KubeVirtWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var name = ObjectDiff.Name(request.Object);
        if (request.Operation != AdmissionOperation.Update)
        {
            var verb = request.Operation == AdmissionOperation.Create ? "create" : "delete";
            return AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, verb,
                $"the simulated cluster has one KubeVirt CR, {KubeVirtNames.KubeVirtNamespace}/{KubeVirtNames.KubeVirtName}; update it instead"));
        }

        var old = request.OldObject?.ToJsonObject();
        if (ObjectDiff.Changed(old, request.Object, "spec", "configuration", "developerConfiguration", "featureGates")
            && !request.Options.DryRun)
        {
            var gates = ObjectDiff.Find(request.Object, "spec", "configuration", "developerConfiguration", "featureGates") as JsonArray ?? [];
            model.Now().SetFeatureGates(gates.Select(g => g?.ToString()).OfType<string>());
        }

        if (!ObjectDiff.Changed(old, request.Object, "spec", "configuration", "migrations"))
        {
            return AdmissionResult.Allow;
        }

        var kubevirt = WireJson.FromObject(request.Object, KubernetesJsonContext.Default.KubeVirt);
        var (config, problems) = MigrationConfigParser.Parse(kubevirt.Spec.Configuration?.Migrations);
        if (problems.Count > 0)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name, problems));
        }

        if (!request.Options.DryRun)
        {
            var refused = model.Now().SetMigrationConfig(config);
            if (refused.Count > 0)
            {
                return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name,
                    refused.Select(p => ("spec.configuration.migrations", p))));
            }
        }

        return AdmissionResult.Allow;
    }
}
