namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Decentralized live migration: a sender VMIM (<c>spec.sendTo</c>) and a receiver VMIM (<c>spec.receive</c>) with the
/// same migrationID are paired; the pair waits for a slot, then runs as one migration whose target pod belongs to the
/// receiver VM. It counts once on each side against the limits (#15767): in one cluster, two cluster slots and one
/// outbound slot of the source node. At the end the source VM stops and the receiver VM runs.
/// </summary>
internal sealed partial class ClusterController
{
    /// <summary>Creates a blank DataVolume; its PVC binds at once when the storage class exists, else it stays Pending.</summary>
    public string? CreateDataVolume(DataVolumeRequest request)
    {
        var storageClass = request.StorageClass.Length == 0 ? State.StorageClasses[0] : request.StorageClass;
        var volume = new DataVolumeState
        {
            Namespace = request.Namespace,
            Name = request.Name,
            Uid = request.Uid,
            StorageClass = storageClass,
            SizeBytes = request.SizeBytes,
            CreatedAt = Now,
            Bound = State.StorageClasses.Contains(storageClass),
        };
        if (!State.DataVolumes.TryAdd(volume.Key, volume))
        {
            return $"datavolumes.cdi.kubevirt.io \"{request.Name}\" already exists";
        }

        _ctx.Publish(new DataVolumeChanged(Now, volume.ToSnapshot()));
        return null;
    }

    /// <summary>Deletes a DataVolume and its PVC; false when there is none.</summary>
    public bool DeleteDataVolume(string @namespace, string name)
    {
        if (!State.DataVolumes.Remove(ClusterKeys.Of(@namespace, name), out var volume))
        {
            return false;
        }

        _ctx.Publish(new DataVolumeDeleted(Now, volume.ToSnapshot()));
        return true;
    }

    /// <summary>Creates a receiver VM (<c>runStrategy: WaitAsReceiver</c>): its VMI waits in WaitingForSync, with no pod.</summary>
    public string? CreateReceiverVm(ReceiverVmRequest request)
    {
        var key = ClusterKeys.Of(request.Namespace, request.Name);
        if (State.Vms.ContainsKey(key))
        {
            return $"virtualmachines.kubevirt.io \"{request.Name}\" already exists";
        }

        var vm = new VmState
        {
            Namespace = request.Namespace,
            Name = request.Name,
            Uid = request.Uid,
            MemoryBytes = request.MemoryBytes,
            Labels = request.Labels ?? new Dictionary<string, string>(),
            RunStrategy = RunStrategy.WaitAsReceiver,
            RestoreRunStrategy = request.RestoreRunStrategy,
            DataVolumes = request.DataVolumes,
            MacAddress = MacAddresses.Normalize(request.MacAddress),
            EvictionStrategy = request.EvictionStrategy,
            VmiUid = _ctx.Ids.NewUid(),
            VmiCreatedAt = Now,
            Phase = VmiPhase.WaitingForSync,
        };
        if (!State.Namespaces.ContainsKey(request.Namespace))
        {
            State.Namespaces[request.Namespace] = new Dictionary<string, string>();
            _ctx.Publish(new NamespaceChanged(Now, new NamespaceSnapshot(request.Namespace, State.Namespaces[request.Namespace])));
        }

        State.AddVm(vm);
        _ctx.Publish(new VirtualMachineChanged(Now, vm.ToVmSnapshot()));
        PublishVmi(vm);
        return null;
    }

    /// <summary>
    /// Deletes a VM that holds no running guest: a receiver still waiting (its migration fails) or a stopped source.
    /// Null when deleted, else why not.
    /// </summary>
    public string? DeleteVirtualMachine(string @namespace, string name)
    {
        if (!State.Vms.TryGetValue(ClusterKeys.Of(@namespace, name), out var vm))
        {
            return null;
        }

        if (vm.RunStrategy is not (RunStrategy.WaitAsReceiver or RunStrategy.Halted) || vm.HasRunningVmi)
        {
            return "only a receiver VM (runStrategy WaitAsReceiver) or a stopped one can be deleted; scenario VMs stay";
        }

        if (vm.ActiveMigration is { } job)
        {
            Fail(job, $"Migration failed: the VirtualMachine {@namespace}/{name} was deleted");
        }

        if (vm.VmiUid is not null)
        {
            _ctx.Publish(new VmiDeleted(Now, vm.ToVmiSnapshot()));
            vm.VmiUid = null;
        }

        State.RemoveVm(vm);
        return null;
    }

    /// <summary>KubeVirt's admission of a decentralized VMIM; null when admitted.</summary>
    private string? CheckDecentralized(VmimCreateRequest request, DecentralizedSpec spec, VmState? vm)
    {
        if (!State.FeatureGates.Contains(FeatureGates.DecentralizedLiveMigration))
        {
            return $"spec.{(spec.Role == DecentralizedRole.Sender ? "sendTo" : "receive")} is only allowed with the "
                + $"{FeatureGates.DecentralizedLiveMigration} feature gate enabled in the KubeVirt CR";
        }

        if (string.IsNullOrEmpty(spec.MigrationId))
        {
            return "migrationID must be set for a decentralized migration";
        }

        if (State.DecentralizedSides.ContainsKey((spec.MigrationId, spec.Role)))
        {
            return $"a {(spec.Role == DecentralizedRole.Sender ? "source" : "target")} migration with migrationID "
                + $"{spec.MigrationId} already exists";
        }

        if (spec.Role == DecentralizedRole.Sender)
        {
            return string.IsNullOrEmpty(spec.ConnectUrl)
                ? "connectURL must be set in spec.sendTo"
                : VmimAdmission.Check(vm, request.VmiName, Now, AdmissionCacheLag);
        }

        if (vm is null || vm.RunStrategy != RunStrategy.WaitAsReceiver || vm.Phase != VmiPhase.WaitingForSync)
        {
            return $"the VMI \"{request.VmiName}\" is not waiting as a receiver (its VirtualMachine needs runStrategy WaitAsReceiver)";
        }

        return vm.ActiveMigration is { } active
            ? $"in-flight migration detected. Active migration job ({active.Uid}) is currently already in progress for VMI {request.VmiName}."
            : null;
    }

    /// <summary>
    /// Pairs the two sides of <paramref name="job"/>'s migrationID when both exist: the sender then waits for a slot. A
    /// sender whose connectURL names another cluster's synchronization controller (on a shared network) looks for its
    /// receiver there; a receiver looks for a sender here, then for one in another cluster that names this one.
    /// </summary>
    private void TryPair(MigrationJob job)
    {
        var id = job.Decentralized!.MigrationId;
        MigrationJob? sender;
        MigrationJob? receiver;
        if (job.Decentralized.Role == DecentralizedRole.Sender)
        {
            sender = job;
            var target = Network?.Other(this, job.Decentralized.ConnectUrl) ?? this;
            receiver = target.State.DecentralizedSides.GetValueOrDefault((id, DecentralizedRole.Receiver));
        }
        else
        {
            receiver = job;
            sender = SenderOf(id) ?? Network?.RemoteSender(this, id);
        }

        if (sender is null || receiver is null || sender.IsFinal || receiver.IsFinal || sender.Peer is not null || receiver.Peer is not null)
        {
            return;
        }

        sender.Owner.Pair(sender, receiver);
    }

    /// <summary>The unpaired-or-paired sender of <paramref name="migrationId"/> in this cluster, if any.</summary>
    internal MigrationJob? SenderOf(string migrationId) =>
        State.DecentralizedSides.GetValueOrDefault((migrationId, DecentralizedRole.Sender));

    /// <summary>Pairs a sender of this cluster with its receiver (here or in another cluster); the sender then waits for slots.</summary>
    private void Pair(MigrationJob sender, MigrationJob receiver)
    {
        var target = receiver.Owner;
        sender.Peer = receiver;
        receiver.Peer = sender;
        if (sender.Decentralized!.ConnectUrl != target.SyncAddress)
        {
            Fail(sender, $"Live migration failed: cannot connect to the synchronization controller at "
                + $"{sender.Decentralized.ConnectUrl} (it listens on {target.SyncAddress})");
            return;
        }

        sender.DiskBytes = target.DiskBytesOf(receiver.Vm);
        receiver.DiskBytes = sender.DiskBytes;
        _pending.Add(sender);
        _admissionNeeded = true;
    }

    /// <summary>The sizes of a receiver's DataVolumes in this cluster: the disk bytes its move copies.</summary>
    private long DiskBytesOf(VmState receiver) => receiver.DataVolumes
        .Select(name => State.DataVolumes.GetValueOrDefault(ClusterKeys.Of(receiver.Namespace, name)))
        .Sum(volume => volume?.SizeBytes ?? 0);

    /// <summary>The controller of the cluster the pair's target pod lives in: the receiver's, or this one.</summary>
    private ClusterController TargetSide(MigrationJob job) => job.Peer?.Owner ?? this;

    /// <summary>The receiver of a pair whose receiver lives in another cluster; null otherwise.</summary>
    private MigrationJob? RemoteReceiver(MigrationJob job) =>
        job.Decentralized?.Role == DecentralizedRole.Sender && job.Peer is { } peer && !ReferenceEquals(peer.Owner, this) ? peer : null;

    /// <summary>A cross-cluster pair started here: its receiver takes one of this cluster's slots.</summary>
    private void TakeRemoteSlot() => _inFlight++;

    /// <summary>A cross-cluster pair ended: its receiver's slot here is free again.</summary>
    private void ReleaseRemoteSlot()
    {
        _inFlight--;
        _admissionNeeded = true;
    }

    /// <summary>The receiver's DataVolumes that are missing or not bound: the receiving pod cannot start.</summary>
    private string? UnboundVolume(VmState receiver) => receiver.DataVolumes.FirstOrDefault(name =>
        !State.DataVolumes.TryGetValue(ClusterKeys.Of(receiver.Namespace, name), out var volume) || !volume.Bound);

    /// <summary>The receiver follows the sender's phase (it holds no counts of its own).</summary>
    private void Mirror(MigrationJob receiver, MigrationPhase phase)
    {
        if (receiver.IsFinal)
        {
            return;
        }

        receiver.EnterPhase(phase, Now);
        _ctx.Publish(new VmimChanged(Now, receiver.ToSnapshot()));
        if (receiver.IsFinal)
        {
            Finish(receiver);
        }
    }

    /// <summary>The hand-off reached the receiver: its VMI shows the migration in progress.</summary>
    private static void MirrorMigrationState(MigrationJob sender)
    {
        var receiver = sender.Peer!;
        receiver.Vm.MigrationState = sender.Vm.MigrationState! with { MigrationUid = receiver.Uid };
        receiver.Owner.PublishVmi(receiver.Vm);
    }

    private void SucceedDecentralized(MigrationJob job)
    {
        var source = job.Vm;
        var receiverJob = job.Peer!;
        var receiver = receiverJob.Vm;
        var target = receiverJob.Owner;
        var sourcePod = source.Pod;
        receiver.Pod = job.TargetPod;
        job.TargetPod = null;
        receiver.Phase = VmiPhase.Running;
        receiver.RunStrategy = receiver.RestoreRunStrategy ?? RunStrategy.Always;
        receiver.DirtyRate = source.DirtyRate;
        receiver.WorkingSetBytes = source.WorkingSetBytes;
        var state = source.MigrationState! with { Completed = true, EndTimestamp = Now };
        source.MigrationState = state;
        job.FinalMigrationState = state;
        receiver.MigrationState = state with { MigrationUid = receiverJob.Uid };
        receiverJob.FinalMigrationState = receiver.MigrationState;
        target._ctx.Publish(new VirtualMachineChanged(target.Now, receiver.ToVmSnapshot()));
        target.PublishVmi(receiver);
        SetPhase(job, MigrationPhase.Succeeded);
        Finish(job);

        // The source stops: its VMI goes, the VM is Halted.
        source.RunStrategy = RunStrategy.Halted;
        if (sourcePod is not null)
        {
            sourcePod.Phase = PodPhase.Succeeded;
            DeletePod(sourcePod);
        }

        _ctx.Publish(new VmiDeleted(Now, source.ToVmiSnapshot()));
        source.VmiUid = null;
        source.Pod = null;
        source.MigrationState = null;
        source.Phase = VmiPhase.Succeeded;
        _ctx.Publish(new VirtualMachineChanged(Now, source.ToVmSnapshot()));
    }
}
