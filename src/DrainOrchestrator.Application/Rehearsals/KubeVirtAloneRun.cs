using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// The same nodes drained by KubeVirt alone: on a fresh drain-sim of the scenario with the evacuation controller on, the
/// nodes are tainted <c>kubevirt.io/drain:NoSchedule</c> through the API (as an operator following KubeVirt's docs would),
/// and the run waits, in cluster time, until no VM the controller evacuates is left on them and no migration is
/// unfinished. VMs it never evacuates (eviction strategy None or External, or not live-migratable) stay, and are listed.
/// </summary>
internal sealed class KubeVirtAloneRun(PrivateSimulator sim, TimeProvider clusterClock, double speed, ILogger logger)
{
    private const string DrainTaint = "kubevirt.io/drain";

    // How often to look, in cluster time: every 2 s, but no more than four times a wall-clock second, so a fast rehearsal
    // of a large snapshot does not spend the machine on lists. The makespan comes from the ground truth's timestamps, so
    // it does not depend on this.
    private TimeSpan PollEvery => TimeSpan.FromSeconds(Math.Max(2, speed / 4));

    public async Task<KubeVirtAloneResult> RunAsync(IReadOnlyList<string> nodes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = KubernetesClient.Create(KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = sim.KubeconfigPath }), clusterClock);
        foreach (var node in nodes)
        {
            await TaintAsync(client, node, cancellationToken);
        }

        RehearsalLog.KubeVirtTainted(logger, string.Join(", ", nodes));
        var deadline = clusterClock.GetUtcNow() + timeout;
        var defaultStrategy = (await client.ListAllAsync<KubeVirt>(null, null, cancellationToken)).Items
            .Select(k => k.Spec.Configuration?.EvictionStrategy).FirstOrDefault(s => s is not null);
        while (true)
        {
            var left = (await client.ListAllAsync<VirtualMachineInstance>(null, null, cancellationToken)).Items
                .Where(v => v.Status?.NodeName is { } n && nodes.Contains(n, StringComparer.Ordinal)).ToList();
            var truth = await sim.GroundTruthAsync(cancellationToken);
            var waiting = left.Any(v => Evacuated(v, defaultStrategy)) || truth.AnyUnfinished;
            if (!waiting || clusterClock.GetUtcNow() >= deadline)
            {
                var names = left.Select(v => v.Metadata.Namespace + "/" + v.Metadata.Name).Order(StringComparer.Ordinal).ToList();
                if (waiting)
                {
                    RehearsalLog.KubeVirtTimedOut(logger, string.Join(", ", nodes), timeout, names.Count);
                }

                return new KubeVirtAloneResult(!waiting, truth.Makespan, truth.Migrations, truth.Failed, names);
            }

            await Task.Delay(PollEvery, clusterClock, cancellationToken);
        }
    }

    // Whether KubeVirt's evacuation controller moves this VMI off a tainted node: it evicts by live migration and can.
    private static bool Evacuated(VirtualMachineInstance vmi, string? defaultStrategy) =>
        (vmi.Spec?.EvictionStrategy ?? defaultStrategy) is "LiveMigrate" or "LiveMigrateIfPossible"
        && !(vmi.Status?.Conditions ?? []).Any(c => c.Type == "LiveMigratable" && c.Status == "False");

    private static async Task TaintAsync(KubernetesClient client, string node, CancellationToken cancellationToken)
    {
        var current = await client.GetAsync<Node>(null, node, cancellationToken);
        var taints = new JsonArray();
        foreach (var t in current.Spec?.Taints ?? [])
        {
            if (t.Key == DrainTaint)
            {
                return;
            }

            var taint = new JsonObject { ["key"] = t.Key, ["effect"] = t.Effect };
            if (t.Value is not null)
            {
                taint["value"] = t.Value;
            }

            taints.Add(taint);
        }

        taints.Add(new JsonObject { ["key"] = DrainTaint, ["effect"] = "NoSchedule" });
        var patch = new JsonObject { ["spec"] = new JsonObject { ["taints"] = taints } };
        await client.PatchAsync<Node>(null, node, PatchType.Merge, patch.ToJsonString(), cancellationToken);
    }
}
