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
