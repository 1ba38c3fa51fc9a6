using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Starting one restart elsewhere (the opt-in shutdown policy): the journaled intent, then the VMI's deletion. KubeVirt's
/// VM controller starts a new VMI (runStrategy Always), and since the drained nodes are cordoned it lands elsewhere;
/// <see cref="RestartReconciler"/> follows it from there. Only the VMI whose uid the attempt recorded is ever deleted,
/// so repeating the stop after a crash never touches the VM's new VMI.
/// </summary>
internal sealed class RestartStarter(DrainContext context)
{
    /// <summary>
    /// Records the intent of <paramref name="action"/>, then stops its VMI; false (nothing written) when
    /// <paramref name="allowed"/> refuses it in the intent's transaction (an application budget across drains).
    /// </summary>
    public async Task<bool> StartAsync(RestartElsewhere action, ClusterState cluster, Func<NpgsqlTransaction, Task<bool>>? allowed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var vmi = action.Vmi;
        var attempt = new NewAttempt(context.Id, 0, action.Attempt, vmi.Namespace, vmi.Name, vmi.Uid, vmi.NodeName, null, action.Name,
            PostCopy: false, Persistence.Attempts.AttemptKind.Restart);
        var intended = new AttemptIntended(action.Name, vmi.QualifiedName, vmi.NodeName, action.Attempt)
        {
            AttemptKind = Persistence.Attempts.AttemptKind.Restart,
            Uid = vmi.Uid,
            RunStrategy = vmi.RunStrategy.ToString(),
        };
        if (!await context.Writer.WriteIfAsync(allowed, intended, t => context.Attempts.InsertIntendedAsync(t, attempt, cancellationToken),
            cancellationToken))
        {
            return false;
        }

        await StopAsync(action.Name, vmi.Namespace, vmi.Name, vmi.Uid, cluster, cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes the VMI <paramref name="uid"/> if it still exists and records the stop (outcome <c>created</c>); a VMI
    /// already gone counts as stopped. Safe to repeat: a VMI of that name with another uid is the VM's new one.
    /// </summary>
    public async Task StopAsync(string attemptName, string @namespace, string name, string uid, ClusterState cluster,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        bool deleted;
        try
        {
            // The uid check here spares a call; the delete's own uid precondition covers a view that lags behind.
            deleted = cluster.FindVmi(@namespace, name)?.Metadata.Uid == uid
                && await context.Actions.DeleteVmiAsync(@namespace, name, uid, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.Verdict != RetryVerdict.BackOff || ex.RequestNotSent)
        {
            // Refused (forbidden, admission...) or provably never sent: the VMI was not stopped; the failure policy decides.
            RestartLog.StopFailed(context.Logger, @namespace + "/" + name, ex.Message);
            var kind = FailureClassifier.Classify(new FailureFacts(ex.Message, ApiStatusCode: (int?)ex.StatusCode));
            var reason = "the VMI could not be deleted: " + ex.Message;
            var failed = new AttemptCreateFailed(attemptName, kind.ToString(), reason) { AttemptKind = Persistence.Attempts.AttemptKind.Restart };
            await context.Writer.WriteAsync(failed,
                t => context.Attempts.ObserveAsync(t, attemptName, new AttemptObservation(AttemptOutcome.NotCreated,
                    FailureClass: kind.ToString(), FailureReason: reason), cancellationToken), cancellationToken);
            return;
        }

        // For a restart, created_at is when the engine stopped the VM, on its own clock (the cluster records no such event).
        await context.Writer.WriteAsync(new AttemptVmiDeleted(attemptName, @namespace + "/" + name, uid, deleted),
            t => context.Attempts.ObserveAsync(t, attemptName, new AttemptObservation(AttemptOutcome.Created,
                CreatedAt: context.Time.GetUtcNow()), cancellationToken), cancellationToken);
        RestartLog.Stopped(context.Logger, attemptName, @namespace + "/" + name, uid, deleted);
    }
}
