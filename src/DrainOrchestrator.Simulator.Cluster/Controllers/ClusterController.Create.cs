namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>How far virt-api's cache, which the create webhook's in-flight check reads, lags behind (0: not at all).</summary>
    public TimeSpan AdmissionCacheLag { get; set; }

    /// <summary>KubeVirt's create webhook, then the VMIM enters Pending and waits for a slot.</summary>
    public VmimCreateResult Create(VmimCreateRequest request) => Create(request, createdByModel: false);

    private VmimCreateResult Create(VmimCreateRequest request, bool createdByModel)
    {
        var key = ClusterKeys.Of(request.Namespace, request.Name);
        if (State.Migrations.TryGetValue(key, out var existing))
        {
            return new VmimCreateResult(VmimCreateStatus.AlreadyExists, existing.ToSnapshot(),
                $"virtualmachineinstancemigrations.kubevirt.io \"{request.Name}\" already exists");
        }

        State.Vms.TryGetValue(ClusterKeys.Of(request.Namespace, request.VmiName), out var vm);
        var denial = request.Decentralized is { } decentralized
            ? CheckDecentralized(request, decentralized, vm)
            : VmimAdmission.Check(vm, request.VmiName, Now, AdmissionCacheLag);
        if (denial is not null)
        {
            return new VmimCreateResult(VmimCreateStatus.Rejected, null, denial);
        }

        var job = new MigrationJob
        {
            Namespace = request.Namespace,
            Name = request.Name,
            Uid = request.Uid,
            VmiName = request.VmiName,
            AddedNodeSelector = request.AddedNodeSelector ?? new Dictionary<string, string>(),
            CreatedAt = Now,
            Vm = vm!,
            VmiUid = vm!.VmiUid!,
            AdmissionKey = _ctx.AdmissionRandom.NextInt64(),
            Priority = request.Priority,
            Annotations = request.Annotations ?? new Dictionary<string, string>(),
            CreatedByModel = createdByModel,
            Sequence = _sequence++,
            Decentralized = request.Decentralized,
            Owner = this,
        };
        State.Migrations.Add(key, job);
        if (vm.ActiveMigration is null)
        {
            vm.ActiveMigration = job;
        }
        else
        {
            // Admitted through the lagging cache while another one is unfinished: it waits for that one, then runs.
            vm.QueuedMigrations.Add(job);
        }

        SetPhase(job, MigrationPhase.Pending);
        if (job.Decentralized is { } spec)
        {
            State.DecentralizedSides[(spec.MigrationId, spec.Role)] = job;
            TryPair(job);
        }
        else
        {
            _pending.Add(job);
            _admissionNeeded = true;
        }

        return new VmimCreateResult(VmimCreateStatus.Accepted, job.ToSnapshot(), null);
    }
}
