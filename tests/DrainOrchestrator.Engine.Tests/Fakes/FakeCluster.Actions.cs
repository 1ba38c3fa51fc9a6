using System.Net;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>The engine's side effects, applied to the in-memory cluster.</summary>
internal sealed partial class FakeCluster
{
    public async Task<CreateResult<VirtualMachineInstanceMigration>> CreateOnceMigrationAsync(
        VirtualMachineInstanceMigration migration, TimeSpan deadline, CancellationToken cancellationToken)
    {
        if (BeforeCreate is not null)
        {
            await BeforeCreate(migration, cancellationToken);
        }

        VirtualMachineInstanceMigration created;
        lock (_gate)
        {
            var total = CreatesByName.Values.Sum() + 1;
            if (CrashOnCreate == total)
            {
                CrashOnCreate = null;
                throw new SimulatedCrashException();
            }

            var existing = _migrations.FirstOrDefault(m => m.Metadata.Name == migration.Metadata.Name);
            if (FailingCreates > 0)
            {
                // As the API server answers when it fails: before the commit, or (ambiguously) after it.
                FailingCreates--;
                if (CommitFailedCreates && existing is null)
                {
                    Commit(migration);
                }

                throw new KubernetesApiException(HttpStatusCode.InternalServerError, "InternalError",
                    "Kubernetes API: 500 InternalError: Internal error occurred: injected");
            }

            if (existing is not null)
            {
                return new CreateResult<VirtualMachineInstanceMigration>(Copy(existing), CreateOutcome.Adopted);
            }

            if (CreatesByName.ContainsKey(migration.Metadata.Name!))
            {
                // As the API server's AlreadyExists followed by a 404: the name was taken and its VMIM is gone.
                return new CreateResult<VirtualMachineInstanceMigration>(Copy(migration), CreateOutcome.Vanished);
            }

            created = Commit(migration);
        }

        _signal.Bump();
        if (AfterCreate is not null)
        {
            await AfterCreate(created.Metadata.Name!);
        }

        return new CreateResult<VirtualMachineInstanceMigration>(created, CreateOutcome.Created);
    }

    /// <summary>The NetworkAttachmentDefinitions the fake API server holds, by namespace/name.</summary>
    public Dictionary<string, NetworkAttachmentDefinition> NetworkAttachments { get; } = new(StringComparer.Ordinal);

    public Task<NetworkAttachmentDefinition?> GetNetworkAttachmentAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(NetworkAttachments.GetValueOrDefault(@namespace + "/" + name));
        }
    }

    public Task<VirtualMachineInstanceMigration?> GetMigrationAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        BeforeFreshGet?.Invoke();
        lock (_gate)
        {
            FreshReads++;
            var found = _migrations.FirstOrDefault(m => m.Metadata.Namespace == @namespace && m.Metadata.Name == name);
            return Task.FromResult(found is null ? null : Copy(found));
        }
    }

    public Task<IReadOnlyList<VirtualMachineInstanceMigration>> ListMigrationsAsync(string @namespace, string vmiName, CancellationToken cancellationToken)
    {
        BeforeFreshList?.Invoke();
        lock (_gate)
        {
            FreshReads++;
            return Task.FromResult<IReadOnlyList<VirtualMachineInstanceMigration>>(
                [.. _migrations.Where(m => m.Metadata.Namespace == @namespace && m.Spec.VmiName == vmiName).Select(Copy)]);
        }
    }

    /// <summary>A create that reaches the API server late (sent before, committed now), as a paused sender's would.</summary>
    public void Land(VirtualMachineInstanceMigration migration)
    {
        lock (_gate)
        {
            Commit(migration);
        }

        _signal.Bump();
    }

    // Under the gate: the VMIM enters the cluster; returns a copy.
    private VirtualMachineInstanceMigration Commit(VirtualMachineInstanceMigration migration)
    {
        CreatesByName[migration.Metadata.Name!] = CreatesByName.GetValueOrDefault(migration.Metadata.Name!) + 1;
        var created = Copy(migration);
        created.Metadata.Uid = "vmim-" + ++_uid;
        created.Metadata.CreationTimestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        created.Status = new VirtualMachineInstanceMigrationStatus { Phase = "Pending" };
        _migrations.Add(created);
        CountInFlight();
        return Copy(created);
    }

    public Task DeleteMigrationAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            DeletedMigrations.Add(name);
            _migrations.RemoveAll(m => m.Metadata.Name == name);
        }

        _signal.Bump();
        return Task.CompletedTask;
    }

    public Task SetUnschedulableAsync(string node, bool unschedulable, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (UnavailableCordons > 0)
            {
                UnavailableCordons--;
                throw new KubernetesApiException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable",
                    "the API server is unavailable (simulated, after the client's retries)");
            }

            // As the API server answers a patch of a node that does not exist.
            var found = _nodes.SingleOrDefault(n => n.Metadata.Name == node)
                ?? throw new KubernetesApiException(HttpStatusCode.NotFound, "NotFound", $"Kubernetes API: 404 NotFound: nodes \"{node}\" not found");
            found.Spec!.Unschedulable = unschedulable ? true : null;
        }

        _signal.Bump();
        return Task.CompletedTask;
    }

    public Task EnsureMigrationPolicyAsync(MigrationPolicySnapshot policy, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_policies.All(p => p.Metadata.Name != policy.Name))
            {
                _policies.Add(new MigrationPolicy
                {
                    Metadata = new ObjectMeta { Name = policy.Name },
                    Spec = new MigrationPolicySpec
                    {
                        AllowPostCopy = policy.AllowPostCopy,
                        Selectors = new MigrationPolicySelectors { VirtualMachineInstanceSelector = new(policy.VmiSelector) },
                    },
                });
            }
        }

        _signal.Bump();
        return Task.CompletedTask;
    }

    public Task DeleteMigrationPolicyAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _policies.RemoveAll(p => p.Metadata.Name == name);
        }

        _signal.Bump();
        return Task.CompletedTask;
    }

    public Task SetVmiLabelAsync(string @namespace, string name, string key, string? value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var vmi = _vmis.FirstOrDefault(v => v.Metadata.Name == name);
            if (vmi is not null)
            {
                vmi.Metadata.Labels ??= [];
                if (value is null)
                {
                    vmi.Metadata.Labels.Remove(key);
                }
                else
                {
                    vmi.Metadata.Labels[key] = value;
                }
            }
        }

        _signal.Bump();
        return Task.CompletedTask;
    }
}
