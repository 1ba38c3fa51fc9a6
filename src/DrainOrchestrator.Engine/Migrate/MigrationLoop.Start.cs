using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Starting one migration: post-copy preparation, the journaled intent, then the VMIM.</summary>
internal sealed partial class MigrationLoop
{
    private readonly List<(StartMigration Action, VirtualMachineInstanceMigration Vmim, bool Adopted)> _unrecorded = [];

    private async Task StartAsync(StartMigration action, ClusterState cluster, CancellationToken cancellationToken)
    {
        var vmi = action.Vmi;
        string? refusal = null;
        if (action.PostCopy)
        {
            refusal = await PreparePostCopyAsync(action, cluster, cancellationToken);
        }

        var attempt = new NewAttempt(context.Id, Math.Max(1, action.Wave), action.Attempt, vmi.Namespace, vmi.Name, vmi.Uid,
            action.SourceNode, action.TargetNode, action.Name, action.PostCopy);
        await context.Writer.WriteAsync("attempt.intended", new
        {
            vmim = action.Name,
            vmi = vmi.QualifiedName,
            source = action.SourceNode,
            target = action.TargetNode,
            attempt = action.Attempt,
            wave = action.Wave,
            postCopy = action.PostCopy,
        }, async t =>
        {
            await context.Attempts.InsertIntendedAsync(t, attempt, cancellationToken);
            await context.Waves.MarkStartedAsync(t, context.Id, attempt.WaveNumber, cancellationToken);
        }, cancellationToken);
        if (refusal is not null)
        {
            await RecordFailureAsync(action.Name, FailureKind.Unknown, refusal, cancellationToken);
            return;
        }

        try
        {
            var (vmim, adopted) = await context.Actions.CreateOrAdoptMigrationAsync(BuildMigration(action), cancellationToken);
            if (adopted && vmim.Spec.VmiName != vmi.Name)
            {
                await RecordFailureAsync(action.Name, FailureKind.ApiError,
                    $"the name {action.Name} is taken by a VMIM of another VMI ({vmim.Spec.VmiName})", cancellationToken);
                return;
            }

            _created[action.Name] = vmim;
            _unrecorded.Add((action, vmim, adopted));
        }
        catch (KubernetesApiException ex) when (ex.Verdict != RetryVerdict.BackOff || ex.RequestNotSent)
        {
            // Refused (admission, not found...) or provably never sent: the VMIM does not exist; the failure policy decides.
            EngineLog.CreateFailed(context.Logger, action.Name, ex.Message);
            await RecordFailureAsync(action.Name, FailureClassifier.Classify(new FailureFacts(ex.Message, ApiStatusCode: (int?)ex.StatusCode)),
                ex.Message, cancellationToken);
        }
    }

    // The VMIMs this pass created, recorded once all its starts are made, so one start does not wait for the record of
    // the previous: each intent was committed before its VMIM, and after a crash before this the VMIMs are found and
    // adopted. What a failed write leaves unrecorded is observed again by the next pass.
    private async Task RecordCreatedAsync(CancellationToken cancellationToken)
    {
        var created = _unrecorded.ToList();
        _unrecorded.Clear();
        foreach (var (action, vmim, adopted) in created)
        {
            await context.Writer.WriteAsync(adopted ? "attempt.adopted" : "attempt.created", new { vmim = action.Name, uid = vmim.Metadata.Uid },
                t => context.Attempts.ObserveAsync(t, action.Name, new AttemptObservation(AttemptOutcome.Created,
                    VmimUid: vmim.Metadata.Uid, CreatedAt: vmim.Metadata.CreationTimestamp ?? context.Time.GetUtcNow()), cancellationToken),
                cancellationToken);
            EngineLog.MigrationStarted(context.Logger, action.Name, action.Vmi.QualifiedName, action.SourceNode, action.TargetNode,
                action.Attempt, action.PostCopy, adopted);
        }
    }

    private Task RecordFailureAsync(string vmimName, FailureKind kind, string reason, CancellationToken cancellationToken) =>
        context.Writer.WriteAsync("attempt.create_failed", new { vmim = vmimName, failureClass = kind.ToString(), reason },
            t => context.Attempts.ObserveAsync(t, vmimName, new AttemptObservation(AttemptOutcome.NotCreated,
                FailureClass: kind.ToString(), FailureReason: reason), cancellationToken), cancellationToken);

    private VirtualMachineInstanceMigration BuildMigration(StartMigration action) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = action.Name,
            Namespace = action.Vmi.Namespace,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [NodeLeaseNames.DrainLabel] = context.DrainIdText },
        },
        Spec = new VirtualMachineInstanceMigrationSpec
        {
            VmiName = action.Vmi.Name,
            AddedNodeSelector = new Dictionary<string, string>(StringComparer.Ordinal) { [StartMigration.HostnameLabel] = action.TargetNode },
        },
    };

    // Ensures the orchestrator-owned policy and the marker label; returns why post-copy cannot be used, or null.
    private async Task<string?> PreparePostCopyAsync(StartMigration action, ClusterState cluster, CancellationToken cancellationToken)
    {
        var forbidding = context.Policy.Failure.FindPostCopyForbiddingLabel(action.Vmi.Labels);
        if (forbidding is not null)
        {
            return $"post-copy is forbidden by the label {forbidding}";
        }

        var snapshot = SnapshotMapper.Map(cluster);
        var name = MigrationNaming.PostCopyPolicyName(context.DrainIdText, action.Vmi.Uid);
        var design = PostCopyPolicyDesigner.Design(action.Vmi, snapshot.Config.Settings, snapshot.Policies, name,
            snapshot.Config.ProgressTimeout);
        if (!design.Succeeded)
        {
            await context.Writer.WriteAsync("postcopy.refused", new { vmi = action.Vmi.QualifiedName, design.Problem }, null, cancellationToken);
            return "post-copy policy cannot win: " + design.Problem;
        }

        await context.Writer.WriteAsync("postcopy.policy.intended", new { vmi = action.Vmi.QualifiedName, policy = name }, null, cancellationToken);
        await context.Actions.EnsureMigrationPolicyAsync(design.Policy!, cancellationToken);
        await context.Actions.SetVmiLabelAsync(action.Vmi.Namespace, action.Vmi.Name, design.MarkerLabelKey, design.MarkerLabelValue, cancellationToken);
        return null;
    }

    // Once a post-copy attempt is over, its marker label and policy go, unless a later post-copy attempt of the same
    // VMI (they share the policy) is still running.
    private async Task CleanUpPostCopyAsync(IReadOnlyList<AttemptRecord> records, CancellationToken cancellationToken)
    {
        var stillNeeded = records.Where(r => r.PostCopy && !r.IsFinal).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.PostCopy && r.IsFinal && !_cleaned.Contains(r.VmimName) && !stillNeeded.Contains(r.VmiUid)))
        {
            await PostCopyCleanup.RemoveAsync(context, record, cancellationToken);
            _cleaned.Add(record.VmimName);
        }
    }
}
