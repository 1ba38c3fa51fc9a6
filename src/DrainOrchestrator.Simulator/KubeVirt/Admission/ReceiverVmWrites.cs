using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// The receiving VM of a decentralized migration: the only VirtualMachine a client may create. It needs
/// <c>runStrategy: WaitAsReceiver</c>, the guest's memory (<c>domain.memory.guest</c> or
/// <c>domain.resources.requests.memory</c>) and may name DataVolumes in its volumes; the annotation
/// <c>kubevirt.io/restore-run-strategy</c> gives its run strategy after the move (default Always). The first interface
/// <c>macAddress</c> is the one checked for collisions in the target.
/// </summary>
internal static class ReceiverVmWrites
{
    public const string RestoreRunStrategyAnnotation = "kubevirt.io/restore-run-strategy";

    public static AdmissionResult Create(AdmissionRequest request, ModelGateway model)
    {
        var obj = request.Object;
        var name = ObjectDiff.Name(obj);
        var ns = ObjectDiff.Namespace(obj);
        var problems = new List<(string Field, string Message)>();
        if (ObjectDiff.Find(obj, "spec", "runStrategy")?.ToString() != nameof(RunStrategy.WaitAsReceiver))
        {
            return AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, name, "create",
                "VirtualMachines come from the scenario file, except a decentralized migration's receiver (spec.runStrategy: WaitAsReceiver)"));
        }

        var domain = ObjectDiff.Find(obj, "spec", "template", "spec", "domain") as JsonObject;
        var memory = (ObjectDiff.Find(domain, "memory", "guest") ?? ObjectDiff.Find(domain, "resources", "requests", "memory"))?.ToString();
        if (!Quantities.TryParseBytes(memory, out var memoryBytes) || memoryBytes <= 0)
        {
            problems.Add(("spec.template.spec.domain.memory.guest", $"the guest's memory is required (e.g. 4Gi), was '{memory}'"));
        }

        var restore = RunStrategy.Always;
        var annotation = ObjectDiff.Find(obj, "metadata", "annotations", RestoreRunStrategyAnnotation)?.ToString();
        if (annotation is not null
            && (!Enum.TryParse(annotation, ignoreCase: false, out restore) || restore == RunStrategy.WaitAsReceiver))
        {
            problems.Add(($"metadata.annotations[{RestoreRunStrategyAnnotation}]",
                $"must be Always, RerunOnFailure, Manual, Halted or Once, was '{annotation}'"));
        }

        var mac = (ObjectDiff.Find(domain, "devices", "interfaces") as JsonArray ?? [])
            .Select(i => ObjectDiff.Find(i as JsonObject, "macAddress")?.ToString())
            .FirstOrDefault(m => !string.IsNullOrEmpty(m));
        if (mac is not null && !MacAddresses.IsValid(mac))
        {
            problems.Add(("spec.template.spec.domain.devices.interfaces[].macAddress",
                $"must be six hex octets separated by colons (e.g. 02:00:00:00:00:01), was '{mac}'"));
        }

        // The source's eviction strategy travels in the template (KubeVirt copies it to the VMI): a moved VM drains as before.
        EvictionStrategy? eviction = null;
        if (ObjectDiff.Find(obj, "spec", "template", "spec", "evictionStrategy")?.ToString() is { } strategy)
        {
            if (Enum.TryParse<EvictionStrategy>(strategy, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(strategy, out _))
            {
                eviction = parsed;
            }
            else
            {
                problems.Add(("spec.template.spec.evictionStrategy", $"must be None, LiveMigrate, LiveMigrateIfPossible or External, was '{strategy}'"));
            }
        }

        if (problems.Count > 0)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name, problems));
        }

        if (request.Store.Get(request.Type, ns, name) is not null || request.Options.DryRun)
        {
            return AdmissionResult.Allow;
        }

        var volumes = (ObjectDiff.Find(obj, "spec", "template", "spec", "volumes") as JsonArray ?? [])
            .Select(v => ObjectDiff.Find(v as JsonObject, "dataVolume", "name")?.ToString())
            .OfType<string>()
            .ToList();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ObjectDiff.Find(obj, "spec", "template", "metadata", "labels") is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value?.ToString() ?? "";
            }
        }

        var uid = ObjectDiff.Find(obj, "metadata", "uid")?.ToString() ?? "";
        if (model.Now().CreateReceiverVm(new ReceiverVmRequest(ns, name, uid, memoryBytes, restore, volumes, labels, mac, eviction)) is { } refusal)
        {
            return AdmissionResult.Deny(ModelDenials.Invalid(request.Type, name, [("metadata.name", refusal)]));
        }

        return AdmissionResult.Allow;
    }

    public static AdmissionResult Delete(AdmissionRequest request, ModelGateway model)
    {
        var obj = request.Object;
        if (request.Options.DryRun)
        {
            return AdmissionResult.Allow;
        }

        return model.Now().DeleteVirtualMachine(ObjectDiff.Namespace(obj), ObjectDiff.Name(obj)) is { } refusal
            ? AdmissionResult.Deny(ModelDenials.NotModelled(request.Type, ObjectDiff.Name(obj), "delete", refusal))
            : AdmissionResult.Allow;
    }
}
