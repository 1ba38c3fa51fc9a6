using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// Reads both sides before anything is created and reports every problem at once: the DecentralizedLiveMigration
/// gate on each side, the target namespace, the storage class, the VMs themselves, capacity (the target nodes' free
/// memory against the VMs' memory) and MAC address collisions (a fixed <c>macAddress</c> of a moving VM already used
/// in the target cluster by a VM's template or a VMI's spec or status, a VMI without a VM included). Read only.
/// </summary>
public static class EvacuationPreflight
{
    /// <summary>Checks <paramref name="selection"/> against both sides.</summary>
    public static async Task<EvacuationPreflightResult> CheckAsync(EvacuationSides sides, EvacuationSelection selection,
        EvacuationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var sourceKubeVirt = await sides.Source.KubeVirtAsync(cancellationToken);
        var targetKubeVirt = sides.SameCluster ? sourceKubeVirt : await sides.Target.KubeVirtAsync(cancellationToken);
        foreach (var (side, cluster, kubeVirt) in Sides(sides, sourceKubeVirt, targetKubeVirt))
        {
            if (kubeVirt is null)
            {
                problems.Add($"the {side} cluster {cluster} has no KubeVirt CR: KubeVirt is not installed there");
            }
            else if (!DecentralizedReads.HasDecentralizedGate(kubeVirt))
            {
                problems.Add($"the {side} cluster {cluster} does not enable the {DecentralizedMigration.FeatureGate} feature gate: add it to "
                    + "spec.configuration.developerConfiguration.featureGates of its KubeVirt CR, then run this again");
            }
        }

        if (!await NamespaceExistsAsync(sides.Target, selection.TargetNamespace, cancellationToken))
        {
            problems.Add($"the target namespace {selection.TargetNamespace} does not exist in {sides.TargetCluster}: create it first");
        }

        var classes = (await sides.Target.ListAllAsync<StorageClass>(null, null, cancellationToken)).Items;
        var candidates = await CandidatesAsync(sides.Source, selection, problems, cancellationToken);
        CheckStorageClasses(sides, options, classes, candidates, problems);
        await CheckTargetAsync(sides, selection, candidates, problems, cancellationToken);
        var limit = Math.Max(1, targetKubeVirt?.Spec.Configuration?.Migrations?.ParallelMigrationsPerCluster ?? 5);
        var sourceLimit = Math.Max(1, sourceKubeVirt?.Spec.Configuration?.Migrations?.ParallelMigrationsPerCluster ?? 5);
        var pairs = sides.SameCluster ? Math.Max(1, limit / 2) : Math.Min(limit, sourceLimit);
        return new EvacuationPreflightResult(problems, candidates, pairs);
    }

    /// <summary>Reads one VM of the source as a candidate (on resume as at the start); null with a problem when it cannot move.</summary>
    public static async Task<EvacuationCandidate?> ReadCandidateAsync(KubernetesClient source, VirtualMachine vm, List<string> problems,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(problems);
        var name = vm.Metadata.Name!;
        var ns = vm.Metadata.Namespace!;
        var spec = vm.Spec?.Template?.Spec;
        var memory = MemoryOf(spec);
        if (memory <= 0)
        {
            problems.Add($"VM {ns}/{name} names no guest memory (spec.template.spec.domain.memory.guest or resources.requests.memory)");
        }

        var disks = new List<EvacuationDisk>();
        foreach (var volume in spec?.Volumes ?? [])
        {
            var claim = volume.DataVolume?.Name ?? volume.PersistentVolumeClaim?.ClaimName;
            if (claim is null || volume.Name is null)
            {
                continue;
            }

            var storage = await StorageOfAsync(source, ns, claim, volume.DataVolume is not null, cancellationToken);
            if (storage?.RequestedBytes() is not { } bytes)
            {
                problems.Add($"VM {ns}/{name}: the size of volume {volume.Name} ({claim}) cannot be read: its DataVolume or PVC is missing or has no size");
                continue;
            }

            disks.Add(new EvacuationDisk(volume.Name, claim, bytes, storage.StorageClassName));
        }

        VirtualMachineInstance? vmi = null;
        try
        {
            vmi = await source.GetAsync<VirtualMachineInstance>(ns, name, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            // Not running: reported by the caller when it must be.
        }

        var macs = spec?.Domain?.Devices?.Interfaces?.Select(i => i.MacAddress).OfType<string>().Select(Mac).ToList() ?? [];
        return new EvacuationCandidate(vm, memory, disks, vmi?.Status?.NodeName, macs);
    }

    /// <summary>The guest memory of a VMI spec: <c>domain.memory.guest</c>, else <c>resources.requests.memory</c>; 0 when neither.</summary>
    public static long MemoryOf(VirtualMachineInstanceSpec? spec) =>
        spec?.Domain?.Memory?.Guest?.ToInt64()
        ?? (spec?.Domain?.Resources?.Requests is { } requests && requests.TryGetValue("memory", out var memory) ? memory.ToInt64() : 0);

    private static IEnumerable<(string Side, string Cluster, KubeVirt? KubeVirt)> Sides(EvacuationSides sides, KubeVirt? source, KubeVirt? target) =>
        sides.SameCluster ? [("source and target", sides.SourceCluster, source)] : [("source", sides.SourceCluster, source), ("target", sides.TargetCluster, target)];

    private static async Task<List<EvacuationCandidate>> CandidatesAsync(KubernetesClient source, EvacuationSelection selection,
        List<string> problems, CancellationToken cancellationToken)
    {
        var ns = selection.SourceNamespace;
        var candidates = new List<EvacuationCandidate>();
        List<VirtualMachine> vms;
        if (selection.Selector is { } selector)
        {
            vms = (await source.ListAllAsync<VirtualMachine>(ns, new ListOptions { LabelSelector = selector }, cancellationToken)).Items;
            if (vms.Count == 0)
            {
                problems.Add($"no VM in namespace {ns} matches the selector '{selector}'");
            }
        }
        else
        {
            vms = [];
            foreach (var name in selection.VmNames.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    vms.Add(await source.GetAsync<VirtualMachine>(ns, name, cancellationToken));
                }
                catch (KubernetesApiException ex) when (ex.IsNotFound)
                {
                    problems.Add($"VM {ns}/{name} does not exist");
                }
            }
        }

        foreach (var vm in vms)
        {
            if (await ReadCandidateAsync(source, vm, problems, cancellationToken) is not { } candidate)
            {
                continue;
            }

            if (candidate.SourceNode is null)
            {
                problems.Add($"VM {ns}/{candidate.Name} is not running (no VMI on a node): only running VMs are live-migrated");
                continue;
            }

            candidates.Add(candidate);
        }

        return candidates;
    }

    private static void CheckStorageClasses(EvacuationSides sides, EvacuationOptions options, IReadOnlyList<StorageClass> classes,
        IReadOnlyList<EvacuationCandidate> candidates, List<string> problems)
    {
        var names = classes.Select(c => c.Metadata.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var wanted = candidates.SelectMany(c => c.Disks).Select(d => options.StorageClass ?? d.StorageClass).ToList();
        foreach (var name in wanted.OfType<string>().Distinct(StringComparer.Ordinal).Where(n => !names.Contains(n)))
        {
            problems.Add($"the storage class {name} does not exist in the target cluster {sides.TargetCluster} "
                + $"(it has: {(names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal)))})");
        }

        if (options.StorageClass is { } chosen && !names.Contains(chosen) && wanted.Count == 0)
        {
            problems.Add($"the storage class {chosen} does not exist in the target cluster {sides.TargetCluster}");
        }

        if (wanted.Any(w => w is null) && !classes.Any(c => c.IsDefault))
        {
            problems.Add($"a disk names no storage class and the target cluster {sides.TargetCluster} has no default class: choose one with --storage-class");
        }
    }

    private static async Task CheckTargetAsync(EvacuationSides sides, EvacuationSelection selection, IReadOnlyList<EvacuationCandidate> candidates,
        List<string> problems, CancellationToken cancellationToken)
    {
        var moving = candidates.Select(c => (c.Vm.Metadata.Namespace, c.Name)).ToHashSet();
        var targetVms = (await sides.Target.ListAllAsync<VirtualMachine>(null, null, cancellationToken)).Items;
        foreach (var candidate in candidates)
        {
            if (targetVms.Any(v => v.Metadata.Namespace == selection.TargetNamespace && v.Metadata.Name == candidate.Name))
            {
                problems.Add($"a VM named {candidate.Name} already exists in the target namespace {selection.TargetNamespace}: the receiver needs its name");
            }
        }

        var targetVmis = (await sides.Target.ListAllAsync<VirtualMachineInstance>(null, null, cancellationToken)).Items;
        var used = EvacuationMacs.TakenIn(targetVms, targetVmis, m => sides.SameCluster && moving.Contains((m.Namespace, m.Name!)));
        foreach (var candidate in candidates)
        {
            foreach (var mac in candidate.MacAddresses.Where(used.ContainsKey))
            {
                problems.Add($"MAC address collision: VM {candidate.Vm.Metadata.Namespace}/{candidate.Name} uses {mac}, already used by VM "
                    + $"{used[mac]} in the target cluster {sides.TargetCluster}: give one of them another macAddress");
            }
        }

        await CheckCapacityAsync(sides, candidates, targetVmis, problems, cancellationToken);
    }

    private static async Task CheckCapacityAsync(EvacuationSides sides, IReadOnlyList<EvacuationCandidate> candidates,
        IReadOnlyList<VirtualMachineInstance> vmis, List<string> problems, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var nodes = (await sides.Target.ListAllAsync<Node>(null, null, cancellationToken)).Items
            .Where(n => n.Spec?.Unschedulable != true && n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
            .ToList();
        var usedByNode = vmis.Where(v => v.Status?.NodeName is not null)
            .GroupBy(v => v.Status!.NodeName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(v => MemoryOf(v.Spec)), StringComparer.Ordinal);
        var free = nodes.Select(n => (n.Status?.Allocatable is { } a && a.TryGetValue("memory", out var m) ? m.ToInt64() : 0)
            - usedByNode.GetValueOrDefault(n.Metadata.Name!)).Select(f => Math.Max(0, f)).ToList();
        var needed = candidates.Sum(c => c.MemoryBytes);
        var total = free.Sum();
        if (total < needed)
        {
            problems.Add($"not enough memory in the target cluster {sides.TargetCluster}: its Ready, schedulable nodes have {Gib(total)} free, "
                + $"the VMs need {Gib(needed)}");
        }

        var largest = free.Count == 0 ? 0 : free.Max();
        foreach (var candidate in candidates.Where(c => c.MemoryBytes > largest))
        {
            problems.Add($"VM {candidate.Name} needs {Gib(candidate.MemoryBytes)} of memory; no target node has that much free (at most {Gib(largest)})");
        }
    }

    private static async Task<bool> NamespaceExistsAsync(KubernetesClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetAsync<Namespace>(null, name, cancellationToken);
            return true;
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    private static async Task<DataVolumeStorage?> StorageOfAsync(KubernetesClient client, string ns, string claim, bool dataVolume,
        CancellationToken cancellationToken)
    {
        try
        {
            if (dataVolume)
            {
                var dv = await client.GetAsync<DataVolume>(ns, claim, cancellationToken);
                return dv.Spec?.Storage ?? dv.Spec?.Pvc;
            }

            return (await client.GetAsync<PersistentVolumeClaim>(ns, claim, cancellationToken)).Spec;
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    private static string Mac(string mac) => EvacuationMacs.Normalize(mac);

    private static string Gib(long bytes) => $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB";
}
