using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// Node writes: a change of <c>spec.unschedulable</c> (kubectl cordon), the labels or the taints reaches the model,
/// which schedules by them from then on. Setting the annotation <c>upgrade.drain-sim.io/target-version</c> marks the
/// node for the upgrader, and removing it (or setting it empty) cancels a pending upgrade; while the node is down for
/// its reboot either is refused (422). Nodes come from the scenario: creating one is refused; deleting one removes it
/// from the model for good (migrations into it fail, its guests are lost and restarted elsewhere per their run strategy).
/// </summary>
internal static class NodeWrites
{
    public static AdmissionResult Admit(AdmissionRequest request, ModelGateway model)
    {
        var name = ObjectDiff.Name(request.Object);
        if (request.Operation == AdmissionOperation.Create)
        {
            return AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, "create",
                "nodes come from the scenario; use /sim/v1/cluster-faults for NotReady nodes and reboots, /sim/v1/upgrades for upgrades"));
        }

        if (request.Operation == AdmissionOperation.Delete)
        {
            if (!request.Options.DryRun && model.Now().DeleteNode(name) is { } problem)
            {
                return AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, "delete", problem));
            }

            return AdmissionResult.Allow;
        }

        var before = Read(request.OldObject!.ToJsonObject());
        var after = Read(request.Object);
        var problems = after.Taints.Select((t, i) => (t, i))
            .Where(p => !Enum.TryParse<TaintEffect>(p.t.Effect, ignoreCase: false, out _) || string.IsNullOrEmpty(p.t.Key))
            .Select(p => ($"spec.taints[{p.i}]", $"a taint needs a key and an effect of NoSchedule, PreferNoSchedule or NoExecute, was {p.t.Key}:{p.t.Effect}"))
            .ToList();
        if (problems.Count > 0)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name, problems));
        }

        if (request.Options.DryRun)
        {
            return AdmissionResult.Allow;
        }

        // First, so that a refused mark refuses the whole write before anything else reaches the model.
        if (Upgrade(request, model, name, TargetVersion(before.Metadata), TargetVersion(after.Metadata)) is { } denied)
        {
            return denied;
        }

        var unschedulable = after.Spec?.Unschedulable ?? false;
        var labels = after.Metadata.Labels ?? [];
        var taints = ModelTaints(after.Taints);
        var changedUnschedulable = (before.Spec?.Unschedulable ?? false) != unschedulable;
        var changedLabels = !SameLabels(before.Metadata.Labels ?? [], labels);
        var changedTaints = !ModelTaints(before.Taints).SequenceEqual(taints);
        if (changedUnschedulable || changedLabels || changedTaints)
        {
            var cluster = model.Now();
            if (changedUnschedulable)
            {
                cluster.SetNodeUnschedulable(name, unschedulable);
            }

            if (changedLabels)
            {
                cluster.SetNodeLabels(name, labels);
            }

            if (changedTaints)
            {
                cluster.SetNodeTaints(name, taints);
            }
        }

        return AdmissionResult.Allow;
    }

    private static AdmissionResult? Upgrade(AdmissionRequest request, ModelGateway model, string name, string? before, string? after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return null;
        }

        var problem = after is null
            ? model.Now().CancelUpgrade(name, $"the annotation {UpgradeAnnotations.TargetVersion} was removed")
            : model.Now().RequestUpgrade(new UpgradeRequest(name, after, UpgradeOrigin.Annotation)).Problem;
        return problem is null
            ? null
            : AdmissionResult.Deny(ModelDenials.FieldNotModelled(request.Type, name,
                $"metadata.annotations[{UpgradeAnnotations.TargetVersion}]", problem));
    }

    private static string? TargetVersion(ObjectMeta metadata) =>
        metadata.Annotations?.GetValueOrDefault(UpgradeAnnotations.TargetVersion) is { Length: > 0 } version ? version : null;

    private static (ObjectMeta Metadata, NodeSpec? Spec, List<Taint> Taints) Read(System.Text.Json.Nodes.JsonObject obj)
    {
        var node = WireJson.FromObject(obj, KubernetesJsonContext.Default.Node);
        return (node.Metadata, node.Spec, node.Spec?.Taints ?? []);
    }

    private static List<NodeTaint> ModelTaints(List<Taint> taints) =>
    [
        .. taints.Where(t => !NodeRenderer.IsManagedTaint(t.Key))
            .Select(t => new NodeTaint(t.Key ?? "", t.Value ?? "", Enum.Parse<TaintEffect>(t.Effect ?? nameof(TaintEffect.NoSchedule)))),
    ];

    private static bool SameLabels(Dictionary<string, string> left, Dictionary<string, string> right) =>
        left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var v) && v == p.Value);
}
