namespace DrainOrchestrator.Simulator.Cluster;

public sealed partial class SimulatedCluster
{
    /// <summary>
    /// Creates a VMIM after KubeVirt's admission checks (VMI exists and runs, <c>LiveMigratable</c> not False, no other
    /// unfinished VMIM for the VMI). An accepted VMIM waits in Pending until the limits let it run.
    /// </summary>
    public VmimCreateResult CreateMigration(VmimCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Mutate(() => _controller.Create(request));
    }

    /// <summary>
    /// How far virt-api's admission cache lags behind: a VMIM created less than this before another one for the same
    /// VMI is invisible to the second one's in-flight check, so both are admitted (and the second runs after the first).
    /// Zero, the default, is an up-to-date cache.
    /// </summary>
    public TimeSpan AdmissionCacheLag
    {
        get => Mutate(() => _controller.AdmissionCacheLag);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Mutate(() => _controller.AdmissionCacheLag = value);
        }
    }

    /// <summary>Deletes a node for good (its guests are lost, migrations into it fail); null when done, else the problem.</summary>
    public string? DeleteNode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Mutate(() => _controller.DeleteNode(name));
    }

    /// <summary>Deletes a VMIM, cancelling its migration as KubeVirt does for its phase.</summary>
    public VmimDeleteOutcome DeleteMigration(string @namespace, string name) =>
        Mutate(() => _controller.Delete(@namespace, name));

    /// <summary>Replaces the KubeVirt CR's migration configuration; the limits apply from the next admission decision.</summary>
    /// <returns>Every problem with <paramref name="config"/>; empty when it was applied.</returns>
    public IReadOnlyList<string> SetMigrationConfig(MigrationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = config.Validate();
        if (problems.Count > 0)
        {
            return problems;
        }

        return Mutate(() =>
        {
            _ctx.State.Config = config;
            _ctx.Publish(new MigrationConfigChanged(_ctx.Now, config));
            _controller.RequestAdmission();
            return problems;
        });
    }

    /// <summary>Creates or replaces a MigrationPolicy; migrations already handed off keep their options.</summary>
    public void UpsertMigrationPolicy(MigrationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Mutate(() =>
        {
            _ctx.State.Policies[policy.Name] = policy;
            _ctx.Publish(new MigrationPolicyChanged(_ctx.Now, policy));
            return true;
        });
    }

    /// <summary>Deletes a MigrationPolicy; false when there is none of that name.</summary>
    public bool DeleteMigrationPolicy(string name) => Mutate(() =>
    {
        if (!_ctx.State.Policies.Remove(name, out var policy))
        {
            return false;
        }

        _ctx.Publish(new MigrationPolicyDeleted(_ctx.Now, policy));
        return true;
    });

    /// <summary>Injects a fault now.</summary>
    /// <returns>Null when injected; otherwise what is wrong (an unknown node or VM).</returns>
    public string? InjectFault(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Mutate(() => _controller.Inject(fault));
    }
}
